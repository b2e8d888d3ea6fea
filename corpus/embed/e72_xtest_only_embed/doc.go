// Checklist §11 item 72: an external test with embeds in a package whose non-test files embed nothing.
package p
