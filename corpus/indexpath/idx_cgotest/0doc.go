// Checklist §11 item 44 (spec §5.9) (index path): a cgo test file: the error names the absolute path on go/build, the base name on the index path.
package p
