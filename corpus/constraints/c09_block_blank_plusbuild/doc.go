// Checklist §11 item 9: /* c */, blank line, // +build foo, blank line: the +build is ignored, built.
package p
