//go:build linux

package constraints
