// Checklist §11 item 55: only an underscore file: no Go files, absent.
package p
