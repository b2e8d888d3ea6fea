// Checklist §11 item 20 (go/build path: link.txt is a symlink): a .s file with two //go:build lines: index path SFiles, go/build path IgnoredOtherFiles.
package p
