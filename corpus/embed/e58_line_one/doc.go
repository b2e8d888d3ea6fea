// Checklist §11 item 58: //go:embed on line 1 column 1 is not collected (a.go); on line 2 before package it is (b.go).
package p
