// Checklist §11 item 51: a/vendor/y is never matched.
package y
