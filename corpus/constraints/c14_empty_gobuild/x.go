//go:build

package p
