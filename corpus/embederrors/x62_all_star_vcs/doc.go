// Checklist §11 item 62: all:* still fails on the VCS dir.
package p
