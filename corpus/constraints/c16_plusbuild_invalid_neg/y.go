// +build a-b

package p
