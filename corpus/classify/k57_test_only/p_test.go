// Checklist §11 item 54: a directory with only test files is listed, with no error.
package p
