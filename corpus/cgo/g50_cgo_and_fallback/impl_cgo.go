package p

/*
#include "impl.h"
*/
import "C"

func Twice(x int) int { return int(C.twice(C.int(x))) }
