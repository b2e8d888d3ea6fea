// Spec §6.1 step 7: directory v@1 outside main module or its selected dependencies.
package p
