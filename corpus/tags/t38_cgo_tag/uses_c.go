package p

// int one(void) { return 1; }
import "C"
