// Checklist §11 item 54: all Go files excluded: absent from ./... .
//go:build ignore

package p
