//go:build !amd64

package platform

func cpuCount() int { return 1 }
