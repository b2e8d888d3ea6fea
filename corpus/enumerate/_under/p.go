// Checklist §11 item 50: ./... skips _under (dot, underscore and testdata dirs at any depth).
package p
