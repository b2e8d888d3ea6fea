package undef

// F calls a helper.
func F() int {
	return helper()
}
