// Spec §5.4 row 6 (item 43 family): three package names; the error names the first conflict only.
package one
