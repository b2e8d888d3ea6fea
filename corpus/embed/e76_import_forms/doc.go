// Checklist §11 item 59 (spec §7.1): embed imported under _, a name, or . all count; a grouped import too.
package p
