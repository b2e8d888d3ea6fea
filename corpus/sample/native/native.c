#include "native.h"

unsigned int checksum(const unsigned char *p, size_t n) {
	unsigned int sum = 0;
	for (size_t i = 0; i < n; i++) {
		sum += p[i];
	}
	return sum;
}
