module example.com/embedsizes

go 1.23
