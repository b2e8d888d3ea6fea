// Checklist §11 items 38/54: a directory of only import "C" files is dropped from ./... when cgo is off.
package p

// int f(void) { return 1; }
import "C"
