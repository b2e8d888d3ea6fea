// Checklist §11 item 5 (spec §5.9) (go/build path: link.txt is a symlink): m_windows.go with two //go:build lines on linux: go/build IgnoredGoFiles, index InvalidGoFiles + error.
package p
