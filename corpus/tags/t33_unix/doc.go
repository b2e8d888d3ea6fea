// Checklist §11 item 33: //go:build unix is false on windows, js, wasip1 and plan9 and true on the unixOS systems.
package p
