// Checklist §11 item 70: the error Pos column counts runes: //go:embed é.txt missing.txt reports column 18.
package p
