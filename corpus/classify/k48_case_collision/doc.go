// Checklist §11 item 48: x_Linux.go next to x_linux.go: case-insensitive file name collision (even when x_linux.go is ignored).
package p
