// Checklist §11 item 21 (spec §5.9) (go/build path: link.txt is a symlink): x_windows.go with a NUL in the header on linux: go/build IgnoredGoFiles, index InvalidGoFiles + read error.
package p
