// Spec §6.1 step 6: a directory with a MultiplePackageError is kept.
package a
