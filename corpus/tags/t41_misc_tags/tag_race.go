//go:build race

package p
