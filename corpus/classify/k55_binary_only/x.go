//go:binary-only-package

package p
