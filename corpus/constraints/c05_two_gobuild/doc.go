// Checklist §11 item 5: two //go:build lines in the header: x.go is invalid, Error "x.go: multiple //go:build comments".
package p
