/* A small JSON writer for the exports: strings escaped per RFC 8259 (quote,
 * backslash, control characters as \u00XX), UTF-8 passed through and
 * invalid UTF-8 replaced by U+FFFD so the output is always valid; numbers
 * always with a '.' whatever the locale. Commas between members and
 * elements are kept track of here, so callers only say what comes next.
 * Output is compact (no whitespace); write errors are the caller's to check
 * with ferror(). */
#ifndef DLFL_JSON_H
#define DLFL_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
        FILE *out;
        int depth;
        bool need_comma[JSON_MAX_DEPTH];
};

void json_init(struct json *j, FILE *out);
/* key is the member name inside an object, NULL inside an array. */
void json_object_begin(struct json *j, const char *key);
void json_object_end(struct json *j);
void json_array_begin(struct json *j, const char *key);
void json_array_end(struct json *j);
/* value NULL writes null. */
void json_string(struct json *j, const char *key, const char *value);
/* Non-finite numbers are written as 0, which JSON can carry. */
void json_number(struct json *j, const char *key, double value);
void json_bool(struct json *j, const char *key, bool value);
/* Writes an already-encoded JSON value as it is. */
void json_raw(struct json *j, const char *key, const char *text);

/* Writes s as a quoted, escaped JSON string. */
void json_write_string(FILE *out, const char *s);
/* Formats v with '.' as the decimal point, at most 10 significant digits,
 * integers without a fraction. */
void json_format_number(double v, char *buf, size_t size);

#endif
