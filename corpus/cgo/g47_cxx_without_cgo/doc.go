// Checklist §11 item 47: .cc and .m files without any cgo file: the C++ error comes first.
package p
