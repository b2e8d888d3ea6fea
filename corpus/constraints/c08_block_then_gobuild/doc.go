// Checklist §11 item 8: /* c */ on its own line then //go:build foo: excluded.
package p
