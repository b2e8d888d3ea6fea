// Copyright

// +build windows

// more

package p
