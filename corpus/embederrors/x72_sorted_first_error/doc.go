// Checklist §11 item 72: patterns are processed sorted: the error is for aaa.txt, not zzz.txt.
package p
