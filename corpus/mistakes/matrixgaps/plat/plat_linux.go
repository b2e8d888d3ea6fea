package plat

// Open opens the platform handle.
func Open() {}
