// Checklist §11 item 66: d2/* hitting a symlink: "cannot embed irregular file d2/l.txt".
package p
