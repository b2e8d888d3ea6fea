package gaps

// platformName is declared here and in name_unix.go on linux: a planted redeclaration.
func platformName() string {
	s := `func notTopLevel() {}`
	_ = s
	return "linux"
}
