// +build linux !a-b

package p
