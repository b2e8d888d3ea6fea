// Checklist §11 item 19 (index path): invalid //go:build in a.go: index path stops before a.go and drops later files; go/build lists a.go in InvalidGoFiles and continues.
package p
