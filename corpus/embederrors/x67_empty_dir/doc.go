// Checklist §11 item 67: an empty directory (created from corpus/emptydirs.txt): "contains no embeddable files".
package p
