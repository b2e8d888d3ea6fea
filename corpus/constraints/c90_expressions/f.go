// +build linux
// +build 386 arm

package p
