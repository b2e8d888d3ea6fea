// Checklist §11 item 62: naming .git (created from corpus/emptydirs.txt) directly: invalid name .git.
package p
