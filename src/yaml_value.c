/* The core schema's booleans and numbers (yaml_value.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/yaml_value.h"

bool yvalue_bool(const struct ynode *v, bool *out)
{
        static const char *const words[] = {"true", "True", "TRUE", "false", "False", "FALSE"};

        if (v->kind != YNODE_SCALAR || !(v->plain || v->tag == YTAG_BOOL))
                return false;
        for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
                if (strcmp(v->text, words[i]) == 0) {
                        *out = i < 3;
                        return true;
                }
        }
        return false;
}

/* Decimal only: 12, -3, 0.5, 1e3 (no hex, octal, .inf or .nan). */
static bool parse_number(const char *s, double *out, bool *integral)
{
        const char *p = s;
        bool digits = false, frac = false;

        if (*p == '+' || *p == '-')
                p++;
        while (*p >= '0' && *p <= '9')
                p++, digits = true;
        if (*p == '.') {
                frac = true;
                p++;
                while (*p >= '0' && *p <= '9')
                        p++, digits = true;
        }
        if (!digits)
                return false;
        if (*p == 'e' || *p == 'E') {
                frac = true;
                p++;
                if (*p == '+' || *p == '-')
                        p++;
                if (!(*p >= '0' && *p <= '9'))
                        return false;
                while (*p >= '0' && *p <= '9')
                        p++;
        }
        if (*p != '\0')
                return false;
        *out = strtod(s, NULL);
        *integral = !frac;
        return isfinite(*out);
}

bool yvalue_number(const struct ynode *v, double *out, bool *integral)
{
        if (v->kind != YNODE_SCALAR || !(v->plain || v->tag == YTAG_INT || v->tag == YTAG_FLOAT))
                return false;
        return parse_number(v->text, out, integral);
}

bool yvalue_int(const struct ynode *v, long *out)
{
        double d;
        bool integral;

        if (v->kind != YNODE_SCALAR || !(v->plain || v->tag == YTAG_INT) ||
            !parse_number(v->text, &d, &integral) || !integral || fabs(d) > 1e9)
                return false;
        *out = (long)d;
        return true;
}
