//go:build foo || integration

package p
