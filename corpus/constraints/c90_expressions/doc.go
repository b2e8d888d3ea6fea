// Checklist §11 item 1 (spec §1.3/§1.4): assorted valid expressions evaluated per platform.
package p
