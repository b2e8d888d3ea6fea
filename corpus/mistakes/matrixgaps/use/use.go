package use

import "example.com/mistakes/matrixgaps/plat"

// F opens.
func F() {
	plat.Open()
}
