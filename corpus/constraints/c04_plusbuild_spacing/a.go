//+build foo

package p
