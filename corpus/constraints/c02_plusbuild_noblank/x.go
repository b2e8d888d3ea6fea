// +build foo
package p
