package p

// int x;
import "C"
