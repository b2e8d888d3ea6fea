// Spec §5.4 row 1 (item 43 family): a.go and a_test.go both package foo_test: Name foo_test.
package foo_test
