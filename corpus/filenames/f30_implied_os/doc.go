// Checklist §11 item 30: GOOS=android satisfies _linux and //go:build linux; ios satisfies darwin; illumos satisfies solaris; never in reverse.
package p
