// +build foo
/* c */

package p
