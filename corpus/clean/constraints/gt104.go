//go:build linux
// +build linux

package constraints
