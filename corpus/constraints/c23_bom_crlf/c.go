// +build foo

package p
