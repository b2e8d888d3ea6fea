// Spec §6.3: a symlink named x_windows.go pointing at a linux file: the link name decides the file-name constraint.
package p
