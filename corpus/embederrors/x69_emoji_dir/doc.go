// Checklist §11 item 69: a directory whose only file has a bad name: contains no embeddable files.
package p
