// Checklist §11 item 66: */x.txt reaching through a directory symlink: in non-directory.
package p
