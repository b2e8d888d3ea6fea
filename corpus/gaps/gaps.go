// Package gaps plants one finding of each gotags matrix gap kind.
package gaps

import "example.com/gaps/notplan9"

// Greeting is declared on every platform.
func Greeting() string {
	return notplan9.Hello() + " from " + platformName()
}
