package gaps

// nacl is a known GOOS, but no Go 1.23 port: this file is dead.
func legacyInit() {}
