// Checklist §11 item 35: -tags boringcrypto does not satisfy //go:build boringcrypto; GOEXPERIMENT=boringcrypto does.
package p
