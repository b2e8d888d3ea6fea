// go:build foo

package p
