// comment line
//go:embed two.txt
package p

import _ "embed"
