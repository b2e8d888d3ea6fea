// Package platform hides the differences between operating systems.
package platform

// Name reports a human-readable name for the running platform.
func Name() string { return osName() }

// CPUs reports the number of usable CPUs, at least 1.
func CPUs() int {
	if n := cpuCount(); n > 0 {
		return n
	}
	return 1
}
