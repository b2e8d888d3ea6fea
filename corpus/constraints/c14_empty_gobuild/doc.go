// Checklist §11 item 14: //go:build with no expression: "parsing //go:build line: unexpected end of expression".
package p
