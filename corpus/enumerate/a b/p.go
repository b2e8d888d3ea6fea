// Checklist §11 item 57: malformed import path "example.com/enumerate/a b": invalid char ' '.
package p
