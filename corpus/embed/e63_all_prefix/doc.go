// Checklist §11 item 63: all:d keeps .x and _x entries but still skips .svn/.hg (bad names).
package p
