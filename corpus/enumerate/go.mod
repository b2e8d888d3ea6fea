module example.com/enumerate

go 1.23
