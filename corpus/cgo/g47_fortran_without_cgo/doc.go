// Checklist §11 item 47: .f files without any cgo file.
package p
