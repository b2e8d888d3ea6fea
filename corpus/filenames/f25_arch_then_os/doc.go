// Checklist §11 item 25: x_amd64_linux.go is constrained by linux only (built on android/arm64).
package p
