// Checklist §11 item 38: CGO_ENABLED=0 -tags cgo: //go:build cgo files are built, import "C" files stay in IgnoredGoFiles.
package p
