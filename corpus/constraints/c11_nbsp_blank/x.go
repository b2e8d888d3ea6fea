 
// +build foo
 
package p
