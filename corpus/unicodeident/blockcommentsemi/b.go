package p

import x /* the path
is missing */
