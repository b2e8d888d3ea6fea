// Checklist §11 item 29: x_linux_test.c is a linux-only CFiles entry; x_windows.syso goes to IgnoredOtherFiles off windows.
package p
