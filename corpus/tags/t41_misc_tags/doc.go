// Checklist §11 item 33-40 (spec §4.1): compiler, ignore, user tags, race/purego, case sensitivity.
package p
