// Package gaps plants one finding of each gotags matrix gap kind.
package gaps

import "example.com/gaps/notplan9"

// Greeting is declared on every platform.
func Greeting() string {
	return notplan9.Hello() + " from " + platformName()
}

// ChownAll changes the owner of every path. It is compiled everywhere and calls Chown,
// which windows lacks: `undefined: Chown` there.
func ChownAll(paths []string, uid, gid int) error {
	for _, p := range paths {
		if err := Chown(p, uid, gid); err != nil {
			return err
		}
	}
	return nil
}
