// +build windows

/* c */
package p
