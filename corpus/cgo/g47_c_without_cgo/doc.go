// Checklist §11 item 47: .c files without any cgo file: "C source files not allowed when not using cgo or SWIG: f.c".
package p
