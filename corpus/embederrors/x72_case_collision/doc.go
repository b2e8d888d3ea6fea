// Checklist §11 item 48: embedding A.txt and a.txt: case-insensitive file name collision.
package p
