// Checklist §11 item 18: //go:build with exactly 1000 operands (x.go) and 999 nested parens (y.go) are accepted.
package p
