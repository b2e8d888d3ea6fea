// Checklist §11 item 31: -tags windows on linux makes x_windows.go and x_windows.c match.
package p
