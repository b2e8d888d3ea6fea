package p

// int w(void);
import "C"
