// Checklist §11 item 28: x_unix.go is built on windows (unix is not a known OS); x_Linux.go is built everywhere.
package p
