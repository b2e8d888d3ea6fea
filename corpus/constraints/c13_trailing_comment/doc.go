// Checklist §11 item 13: //go:build foo // note: "parsing //go:build line: invalid syntax at /".
package p
