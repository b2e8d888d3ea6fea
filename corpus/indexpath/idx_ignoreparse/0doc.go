// Checklist §11 item (spec §5.9) (index path): //go:build ignore plus a header syntax error: go/build IgnoredGoFiles only; index also InvalidGoFiles with the scanner error.
package p
