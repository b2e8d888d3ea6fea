// +build foo

package p
