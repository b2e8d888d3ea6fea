// Checklist §11 item 69: a😀.txt named by a pattern: invalid name.
package p
