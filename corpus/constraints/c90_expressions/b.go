// +build linux,amd64 darwin,!cgo

package p
