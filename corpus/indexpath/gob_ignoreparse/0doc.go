// Checklist §11 item (spec §5.9) (go/build path: link.txt is a symlink): //go:build ignore plus a header syntax error: go/build IgnoredGoFiles only; index also InvalidGoFiles with the scanner error.
package p
