// Checklist §11 item 13 (spec §1.3 error table): a single & : "invalid syntax at &".
package p
