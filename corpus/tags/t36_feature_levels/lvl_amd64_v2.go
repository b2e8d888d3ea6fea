//go:build amd64.v2

package p
