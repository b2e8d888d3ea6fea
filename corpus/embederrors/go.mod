module example.com/embederrors

go 1.23
