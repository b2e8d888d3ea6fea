// Spec §5.4 row 4 (item 43 family): xtest a_test.go then internal test b_test.go.
package foo_test
