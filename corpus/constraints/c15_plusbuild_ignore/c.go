// +build linux,

package p
