// Checklist §11 item 52: a subdirectory with a go.mod file is pruned.
package nested
