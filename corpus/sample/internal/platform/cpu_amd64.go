package platform

// cpuCount is implemented in cpu_amd64.s.
func cpuCount() int
