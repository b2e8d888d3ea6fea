// Checklist §11 item 15: an empty // +build line (a.go) and // +build !!foo (b.go) mean tag ignore: excluded.
package p
