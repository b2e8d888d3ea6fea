// Checklist §11 item 17: // +build with 102 OR terms is silently ignored (a.go built); with 101 terms it still constrains (b.go excluded).
package p
