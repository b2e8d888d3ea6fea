module example.com/bw

go 1.21
