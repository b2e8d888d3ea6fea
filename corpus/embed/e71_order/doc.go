// Checklist §11 item 71: EmbedFiles order: a b.txt, a-b.txt, a.txt, a/b.txt; duplicates across patterns removed.
package p
