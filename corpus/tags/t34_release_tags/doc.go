// Checklist §11 item 34: //go:build go1 is false, go1.23 true, go1.24 false.
package p
