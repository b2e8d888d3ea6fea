package dead

// F is portable.
func F() {}
