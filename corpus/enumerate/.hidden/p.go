// Checklist §11 item 50: ./... skips .hidden (dot, underscore and testdata dirs at any depth).
package p
