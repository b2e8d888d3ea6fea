module example.com/m26

go 1.21
