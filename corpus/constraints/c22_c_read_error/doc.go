// Checklist §11 item 22: a .c file whose header has a NUL (a.c) or an unterminated /* (b.c): listed in CFiles, //go:build ignore not applied; c.c is a healthy excluded file.
package p
