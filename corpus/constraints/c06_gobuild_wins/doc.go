// Checklist §11 item 6: //go:build !foo plus // +build foo: built; //go:build wins wherever it is in the header.
package p
