// Checklist §11 item (spec §5.2): a Go file with no package clause.
package p
