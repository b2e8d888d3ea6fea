// Checklist §11 item 72: an embed error in an external test file.
package p
