// Checklist §11 item 20 (index path): a .s file with two //go:build lines: index path SFiles, go/build path IgnoredOtherFiles.
package p
