#include "textflag.h"

// func cpuCount() int
TEXT ·cpuCount(SB), NOSPLIT, $0-8
	MOVQ $1, ret+0(FP)
	RET
