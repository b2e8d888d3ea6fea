// Checklist §11 item 58-73 (spec §7.2): embed patterns of a cgo file count only when cgo is enabled.
package p
