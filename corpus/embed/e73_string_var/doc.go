// Checklist §11 item 73: a string var whose directory pattern matches exactly one file (go list accepts both; the compiler rejects >1).
package p
