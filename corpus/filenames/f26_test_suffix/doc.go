// Checklist §11 item 26: x_linux_test_test.go is a test file on every OS; x_test_linux.go is a non-test linux file.
package p
