// Checklist §11 item 24-28 (spec §3 table): the remaining rows of the goodOSArchFile table.
package p
