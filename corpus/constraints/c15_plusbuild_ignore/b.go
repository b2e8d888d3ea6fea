// +build !!foo

package p
