// Checklist §11 item 66: a broken symlink named by a pattern still Lstats: irregular file.
package p
