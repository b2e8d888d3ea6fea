// Checklist §11 item 69: con.txt, trail., a😀.txt and a:b.txt are skipped during walks; uni/é.txt is fine.
package p
