// Checklist §11 item 50: below testdata, never walked.
package p
