// Checklist §11 item 36: GOAMD64=v3 makes amd64.v1..v3 true; GOAMD64=v5 falls back to v1; GOARM64=v9.2 makes arm64.v8.7 true.
package p
