// Checklist §11 item 23: CR-only line endings: //go:build gives "parsing //go:build line: invalid syntax at \r".
package p
