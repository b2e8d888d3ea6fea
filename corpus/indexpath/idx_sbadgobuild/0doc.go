// Checklist §11 item 20 (spec §5.9) (index path): .s file with an invalid //go:build: go/build IgnoredOtherFiles without error; index aborts Import.
package p
