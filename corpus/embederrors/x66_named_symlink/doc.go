// Checklist §11 item 66: a symlink named by a pattern: "cannot embed irregular file l.txt".
package p
