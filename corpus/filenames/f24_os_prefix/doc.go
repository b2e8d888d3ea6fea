// Checklist §11 item 24: linux.go is unconstrained; linux_amd64.go is constrained by amd64 only (built on windows/amd64).
package p
