module example.com/enumat

go 1.23
