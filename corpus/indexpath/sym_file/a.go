// Spec §6.3: a symlink to a file is treated as the file: alias.go -> a.go gives GoFiles [a.go alias.go].
package p
