// Checklist §11 item 23 (spec §2.5): invalid UTF-8 in a //go:build tag: "invalid syntax at \ufffd".
package p
