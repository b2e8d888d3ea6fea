// Checklist §11 item 50: ./... skips a/testdata (dot, underscore and testdata dirs at any depth).
package p
