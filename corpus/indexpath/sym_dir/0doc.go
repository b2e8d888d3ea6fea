// Spec §6.3/§0.2: a symlink to a directory is ignored as a package entry, but still forces the go/build path (a.go below shows which path ran).
package p
