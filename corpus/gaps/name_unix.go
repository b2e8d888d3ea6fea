//go:build unix

package gaps

func platformName() string { return "unix" }
