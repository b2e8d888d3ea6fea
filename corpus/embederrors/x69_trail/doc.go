// Checklist §11 item 69: trail. named by a pattern: invalid name.
package p
