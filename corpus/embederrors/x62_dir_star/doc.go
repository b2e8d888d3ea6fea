// Checklist §11 item 62: d/* with d/.bzr: invalid name.
package p
