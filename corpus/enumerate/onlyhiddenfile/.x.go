// Checklist §11 item 55: only a dot file: no Go files, absent.
package p
