//go:build arm.5

package p
