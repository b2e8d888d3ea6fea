// Checklist §11 item 69: a file inside a directory with a bad name: in invalid directory.
package p
