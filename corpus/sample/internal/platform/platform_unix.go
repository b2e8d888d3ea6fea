//go:build unix && !linux && !darwin

package platform

func osName() string { return "Unix" }
