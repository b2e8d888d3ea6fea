// Checklist §11 item 66: a directory symlink named by a pattern: irregular file.
package p
