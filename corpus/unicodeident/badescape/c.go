package p

import "\q"
