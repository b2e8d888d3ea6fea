// Checklist §11 item 5 (spec §5.9) (index path): m_windows.go with two //go:build lines on linux: go/build IgnoredGoFiles, index InvalidGoFiles + error.
package p
