/* A compact JSON writer; see json.h. */
#include <locale.h>
#include <string.h>

#include "dlfl/json.h"
#include "dlfl/text.h"

void json_write_string(FILE *out, const char *s)
{
        const unsigned char *p = (const unsigned char *)s;

        putc('"', out);
        while (*p != '\0') {
                size_t n;

                switch (*p) {
                case '"':
                        fputs("\\\"", out);
                        p++;
                        continue;
                case '\\':
                        fputs("\\\\", out);
                        p++;
                        continue;
                case '\n':
                        fputs("\\n", out);
                        p++;
                        continue;
                case '\r':
                        fputs("\\r", out);
                        p++;
                        continue;
                case '\t':
                        fputs("\\t", out);
                        p++;
                        continue;
                default:
                        break;
                }
                if (*p < 0x20 || *p == 0x7f) {
                        fprintf(out, "\\u%04x", *p);
                        p++;
                        continue;
                }
                n = text_utf8_len((const char *)p);
                if (n == 0) {
                        fputs("\\ufffd", out);
                        p++;
                        continue;
                }
                /* C1 and bidi controls are escaped too: the string reads the
                 * same to a JSON reader and is never written raw. */
                unsigned long cp;
                if (text_utf8_decode((const char *)p, n, &cp) == n && text_is_control(cp)) {
                        fprintf(out, "\\u%04lx", cp);
                        p += n;
                        continue;
                }
                fwrite(p, 1, n, out);
                p += n;
        }
        putc('"', out);
}

void json_format_number(double v, char *buf, size_t size)
{
        const char *point = localeconv()->decimal_point;

        /* NaN and infinities have no JSON form. */
        if (v != v || v > 1e300 || v < -1e300)
                v = 0;
        if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
                snprintf(buf, size, "%.0f", v);
                if (strcmp(buf, "-0") == 0)
                        snprintf(buf, size, "0");
                return;
        }
        snprintf(buf, size, "%.10g", v);
        /* The locale may use a comma (or something longer) for the point. */
        if (point != NULL && strcmp(point, ".") != 0 && point[0] != '\0') {
                char *at = strstr(buf, point);
                size_t plen = strlen(point);

                if (at != NULL) {
                        *at = '.';
                        memmove(at + 1, at + plen, strlen(at + plen) + 1);
                }
        }
}

void json_init(struct json *j, FILE *out)
{
        j->out = out;
        j->depth = 0;
        j->need_comma[0] = false;
}

static void next(struct json *j, const char *key)
{
        if (j->need_comma[j->depth])
                putc(',', j->out);
        j->need_comma[j->depth] = true;
        if (key != NULL) {
                json_write_string(j->out, key);
                putc(':', j->out);
        }
}

static void open_value(struct json *j, const char *key, int c)
{
        next(j, key);
        putc(c, j->out);
        /* Deeper nesting is a programming error; stay in bounds regardless. */
        if (j->depth + 1 < JSON_MAX_DEPTH)
                j->depth++;
        j->need_comma[j->depth] = false;
}

static void close_value(struct json *j, int c)
{
        putc(c, j->out);
        if (j->depth > 0)
                j->depth--;
}

void json_object_begin(struct json *j, const char *key)
{
        open_value(j, key, '{');
}

void json_object_end(struct json *j)
{
        close_value(j, '}');
}

void json_array_begin(struct json *j, const char *key)
{
        open_value(j, key, '[');
}

void json_array_end(struct json *j)
{
        close_value(j, ']');
}

void json_string(struct json *j, const char *key, const char *value)
{
        next(j, key);
        if (value == NULL)
                fputs("null", j->out);
        else
                json_write_string(j->out, value);
}

void json_number(struct json *j, const char *key, double value)
{
        char buf[64];

        json_format_number(value, buf, sizeof(buf));
        next(j, key);
        fputs(buf, j->out);
}

void json_bool(struct json *j, const char *key, bool value)
{
        next(j, key);
        fputs(value ? "true" : "false", j->out);
}

void json_raw(struct json *j, const char *key, const char *text)
{
        next(j, key);
        fputs(text, j->out);
}
