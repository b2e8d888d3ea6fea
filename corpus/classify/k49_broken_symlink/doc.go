// Checklist §11 item 49: a broken x.go symlink: InvalidGoFiles, "open <abs>/x.go: no such file or directory".
package p
