//go:build linux && integration

package p
