// Checklist §11 item 50: ./... skips a/_u (dot, underscore and testdata dirs at any depth).
package p
