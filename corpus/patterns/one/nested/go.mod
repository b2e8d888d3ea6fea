module example.com/one/nested

go 1.21
