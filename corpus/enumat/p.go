// Spec §6.1 step 7: a directory with @ in its path is an error attached to the pattern.
package enumat
