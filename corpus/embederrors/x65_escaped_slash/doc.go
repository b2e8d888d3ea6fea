// Checklist §11 item 65: d\/x.txt: "syntax error in pattern".
package p
