// Checklist §11 item 54: only test files: present, no error.
package testonly
