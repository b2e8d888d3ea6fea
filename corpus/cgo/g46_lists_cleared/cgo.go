package p

// int f(void);
import "C"
