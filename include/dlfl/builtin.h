/* The shipped modules, compiled into the binary from modules/ at build
 * time (scripts/embed.sh), so a copied binary works on its own. */
#ifndef DLFL_BUILTIN_H
#define DLFL_BUILTIN_H

#include <stddef.h>

struct builtin_module {
	const char *name; /* file name, e.g. "digital-leadership.yaml" */
	const unsigned char *data;
	size_t size;
};

extern const struct builtin_module builtin_modules[];
extern const size_t builtin_module_count;

#endif
