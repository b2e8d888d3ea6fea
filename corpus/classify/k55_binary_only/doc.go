// Checklist §11 item (spec §5.5): //go:binary-only-package is reported without an error.
package p
