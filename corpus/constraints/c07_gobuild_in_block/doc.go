// Checklist §11 item 7: //go:build inside /* */ or after /* c */ on the same line: ignored, built.
package p
