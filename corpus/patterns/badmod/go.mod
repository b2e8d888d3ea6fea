module example.com/badmod

go 1.21
require (
	bogus
