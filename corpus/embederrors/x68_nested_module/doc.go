// Checklist §11 item 68: a directory with a go.mod named directly: "cannot embed directory nested: in different module".
package p
