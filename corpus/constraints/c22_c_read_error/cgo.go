package p

// int twice(int x);
import "C"
