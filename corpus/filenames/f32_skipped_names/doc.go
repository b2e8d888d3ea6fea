// Checklist §11 item 32: _x.go, .x.go, x.GO, x.txt, _test.go, .#x.go and x.go.txt appear in no list.
package p
