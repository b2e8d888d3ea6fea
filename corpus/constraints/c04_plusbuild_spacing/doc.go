// Checklist §11 item 4: //+build foo and //   +build   foo followed by a blank line: excluded.
package p
