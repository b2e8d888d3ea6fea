//go:build darwin

package p
