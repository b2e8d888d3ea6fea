// Spec §5.4 row 3 (item 43 family): xtest before the first non-test file.
package foo_test
