// Checklist §11 item 72: TestEmbedFiles and XTestEmbedFiles appear only with go list -test.
package p
