// Checklist §11 item 1: //go:build foo directly followed by package (no blank line): x.go is excluded unless -tags foo.
package p
