// Checklist §11 item 29/46 (spec §5.1): every extension of the table in a cgo package.
package p
