// Checklist §11 item 18: //go:build with 1001 operands: "build expression too large".
package p
