module example.com/a/inner

go 1.21
