// Checklist §11 item 14 (spec §1.3 error table): (a b): "missing close paren".
package p
