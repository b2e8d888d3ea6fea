//go:build linux
// +build darwin

package constraints
