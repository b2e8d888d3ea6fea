module example.com/ign

go 1.25

ignore (
	./skipped
	sub/skipped2
)
