module example.com/unicodeident

go 1.21
