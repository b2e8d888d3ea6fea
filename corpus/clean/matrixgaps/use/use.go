package use

import "example.com/clean/matrixgaps/plat"

// F opens.
func F() {
	plat.Open()
}
