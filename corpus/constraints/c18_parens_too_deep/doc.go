// Checklist §11 item 18: //go:build with 1000 nested parens: "build expression too large".
package p
