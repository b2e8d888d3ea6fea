// +build

package p
