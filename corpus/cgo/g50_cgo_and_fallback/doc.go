// Checklist §11 item 38: a cgo implementation with a //go:build !cgo fallback, plus a test.
package p
