// Checklist §11 item 50: ./... skips a/b/testdata/deep (dot, underscore and testdata dirs at any depth).
package p
