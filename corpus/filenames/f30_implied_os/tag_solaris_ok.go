//go:build solaris

package p
