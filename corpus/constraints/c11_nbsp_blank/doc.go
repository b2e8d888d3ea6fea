// Checklist §11 item 11: a line holding only U+00A0 counts as blank for the +build rule (x.go); y.go uses plain blank lines for comparison.
package p
