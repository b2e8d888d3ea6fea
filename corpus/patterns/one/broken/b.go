package broken

import "fmt
