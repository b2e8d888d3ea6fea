// Checklist §11 item 72: an embed error in a _test.go file does not touch the base package (it lands on the test variant).
package p
