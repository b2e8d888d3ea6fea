// Checklist §11 item 64: \[x\].txt resolves to [x].txt, then "invalid input file name".
package p
