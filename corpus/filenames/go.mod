module example.com/filenames

go 1.23
