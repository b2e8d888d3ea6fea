//go:build gc

package p
