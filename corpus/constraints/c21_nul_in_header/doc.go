// Checklist §11 item 21: a NUL byte in a .go header (a.go): InvalidGoFiles "read <abs>: unexpected NUL in input"; a NUL after the imports (b.go) goes unnoticed.
package p
