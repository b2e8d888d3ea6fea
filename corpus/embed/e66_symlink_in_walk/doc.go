// Checklist §11 item 66: a symlink inside a walked directory is skipped silently.
package p
