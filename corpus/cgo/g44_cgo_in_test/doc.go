// Checklist §11 item 44: a _test.go file importing "C": TestGoFiles and InvalidGoFiles, "use of cgo in test c_test.go not supported".
package p
