// Checklist §11 item (spec §5.2 step 10.1): syntax errors after the imports are never seen by go list.
package p
