// Checklist §11 item 41: a package documentation file goes to IgnoredGoFiles (also as _test.go).
package documentation
