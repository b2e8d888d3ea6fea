// Checklist §11 item 40: -tags a -tags b (GOFLAGS) gives only b.
package p
