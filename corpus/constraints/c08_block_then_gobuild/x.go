/* c */
//go:build foo

package p
