// Checklist §11 item 42: only x_test.go with package p_test: Name p, XTestGoFiles only.
package p_test
