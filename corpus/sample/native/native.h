#include <stddef.h>

unsigned int checksum(const unsigned char *p, size_t n);
