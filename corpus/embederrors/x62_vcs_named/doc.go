// Checklist §11 item 62: naming .svn directly: invalid name; .svn/entries: in invalid directory.
package p
