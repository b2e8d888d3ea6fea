// Checklist §11 item (spec §5.9) (go/build path: link.txt is a symlink): import "a b": go/build InvalidGoFiles "invalid import path: a b"; index accepts it.
package p
