// Checklist §11 item 66: linkdir/x.txt: "cannot embed file linkdir/x.txt: in non-directory linkdir".
package p
