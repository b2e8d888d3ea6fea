// Checklist §11 item 46: with CGO_ENABLED=0 a .f file still produces "Fortran source files not allowed when not using cgo or SWIG: x.f".
package p
