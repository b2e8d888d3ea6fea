//go:build !unix

package p
