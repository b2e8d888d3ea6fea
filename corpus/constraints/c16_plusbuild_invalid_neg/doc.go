// Checklist §11 item 16: // +build linux !a-b is always true (!a-b is !ignore).
package p
