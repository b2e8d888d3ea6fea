// +build foo
 

package p
