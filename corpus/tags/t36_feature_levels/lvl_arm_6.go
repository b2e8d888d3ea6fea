//go:build arm.6

package p
