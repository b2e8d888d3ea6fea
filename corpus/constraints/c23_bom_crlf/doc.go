// Checklist §11 item 23: a BOM (a.go) or CRLF line endings (b.go, c.go): constraints work as usual.
package p
