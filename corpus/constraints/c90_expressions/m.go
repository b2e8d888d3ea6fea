// +build windows
// hello
package p
