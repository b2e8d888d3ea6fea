// Checklist §11 item 50: ./... skips a/.dot (dot, underscore and testdata dirs at any depth).
package p
