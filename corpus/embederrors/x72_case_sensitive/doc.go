// Checklist §11 item 64: *.TXT does not match a.txt: no matching files found.
package p
