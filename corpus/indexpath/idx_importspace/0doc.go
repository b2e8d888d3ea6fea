// Checklist §11 item (spec §5.9) (index path): import "a b": go/build InvalidGoFiles "invalid import path: a b"; index accepts it.
package p
