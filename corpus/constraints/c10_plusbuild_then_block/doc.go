// Checklist §11 item 10: // +build foo, then /* c */, then a blank line: the +build is ignored, built.
package p
