// Checklist §11 item 27: x_linux.pb.go is linux only; x.linux.go is unconstrained (the name is cut at the first dot).
package p
