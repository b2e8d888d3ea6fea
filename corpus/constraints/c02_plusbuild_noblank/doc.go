// Checklist §11 item 2: // +build foo directly followed by package: ignored, x.go is built.
package p
