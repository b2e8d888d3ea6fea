// Checklist §11 item 64: [x].txt is a class, so it does not match the file [x].txt.
package p
