//go:build arm.7

package p
