// Checklist §11 item 67: a directory with only hidden files: "contains no embeddable files".
package p
