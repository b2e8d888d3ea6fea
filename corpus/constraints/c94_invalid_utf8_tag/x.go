//go:build fooÿ

package p
