// Checklist §11 item 52: a subdirectory holding a directory named go.mod is not pruned.
package gomoddir
