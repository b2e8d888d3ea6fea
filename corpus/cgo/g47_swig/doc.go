// Checklist §11 item 47: a .swig file counts as using SWIG, so C files are allowed.
package p
