// Checklist §11 item 69: con.txt named by a pattern: "cannot embed file con.txt: invalid name con.txt".
package p
