module example.com/indexpath

go 1.23
