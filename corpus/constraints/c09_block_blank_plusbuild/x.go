/* c */

// +build foo

package p
