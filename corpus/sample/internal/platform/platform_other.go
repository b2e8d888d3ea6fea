//go:build !unix && !windows

package platform

func osName() string { return "other" }
