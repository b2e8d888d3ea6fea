// Checklist §11 item 12-14 (spec §1.3 error table): z.go has "unexpected token b"; only the first error is reported.
package p
