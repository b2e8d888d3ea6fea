// Checklist §11 item 38: an import "C" file that is also //go:build cgo.
package p
