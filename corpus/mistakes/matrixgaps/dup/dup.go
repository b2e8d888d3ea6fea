package dup

// F opens.
func F() int { return open() }
