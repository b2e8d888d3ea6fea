//go:build amd64.v1

package p
