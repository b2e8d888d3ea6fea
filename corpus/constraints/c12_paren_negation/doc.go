// Checklist §11 item 12: //go:build !(!foo) is valid (means foo): excluded unless -tags foo.
package p
