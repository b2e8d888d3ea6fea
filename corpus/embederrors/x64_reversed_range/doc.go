// Checklist §11 item 64: a range with lo > hi is legal and matches nothing: no matching files found.
package p
