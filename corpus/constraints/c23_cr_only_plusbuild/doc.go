// Checklist §11 item 23: CR-only line endings with // +build: never honoured; the whole file is one comment, so the header fails to parse.
package p
