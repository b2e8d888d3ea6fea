// Spec §6.1 step 8: invalid char 'ü'.
package p
