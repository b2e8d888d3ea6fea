//go:embed one.txt
package p

import _ "embed"
