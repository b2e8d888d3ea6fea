// +build foo,integration

package p
