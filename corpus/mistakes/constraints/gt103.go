//go:build linux
//go:build amd64

package constraints
