// Checklist §11 item 39: CGO_ENABLED=yes counts as unset: cross-compiling gives cgo off.
package p
