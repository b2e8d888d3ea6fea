// Checklist §11 item 12: //go:build !!foo: "parsing //go:build line: double negation not allowed".
package p
