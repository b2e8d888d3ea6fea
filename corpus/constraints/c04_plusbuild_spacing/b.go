//   +build   foo

package p
