// Checklist §11 item 64: {a,b}.txt is literal: with only a.txt and b.txt present, no matching files found.
package p
