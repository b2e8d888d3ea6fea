// Checklist §11 item 64 (spec §7.3 table): \d is the same as d.
package p
