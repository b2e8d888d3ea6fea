// Spec §6.1 step 6: documentation-only directories are dropped.
package documentation
