/* What a YAML scalar means under the core schema (YAML 1.2): the one
 * reading of true/false and numbers that modules and the settings share.
 * Each takes a scalar node and says whether it is such a value; the caller
 * reports what it is not, in its own words. No diagnostics, no allocation. */
#ifndef DLFL_YAML_VALUE_H
#define DLFL_YAML_VALUE_H

#include <stdbool.h>

#include "dlfl/yaml_tree.h"

/* true, True, TRUE, false, False or FALSE, plain or tagged !!bool (a
 * quoted "true" is text). */
bool yvalue_bool(const struct ynode *v, bool *out);
/* A decimal number (12, -3, 0.5, 1e3), plain or tagged !!int or !!float;
 * *integral says it was written without a fraction or exponent. */
bool yvalue_number(const struct ynode *v, double *out, bool *integral);
/* A whole number from -1e9 to 1e9, plain or tagged !!int. */
bool yvalue_int(const struct ynode *v, long *out);

#endif
