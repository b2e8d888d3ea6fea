// Checklist §11 item 69: *.txt reaching con.txt: invalid name.
package p
