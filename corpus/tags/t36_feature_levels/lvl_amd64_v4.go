//go:build amd64.v4

package p
