// Checklist §11 item 68: a directory named go.mod counts as a module marker.
package p
