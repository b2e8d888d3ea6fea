// Checklist §11 item 64: {a,b}.txt is literal: it names the file {a,b}.txt, which then fails "invalid input file name".
package p
