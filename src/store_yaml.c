/* A learner's record as YAML: written with libyaml's emitter (events, never
 * assembled text) and read back from libyaml's parser events. Reading skips
 * keys it does not know, so a file written by a newer dlfl still loads;
 * everything in record.h round-trips. Numbers are written and read in the
 * C locale whatever the user's locale, timestamps as ISO 8601 UTC
 * ("2026-11-29T08:05:02Z"); fields at their default (false, 0, none) are
 * left out. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h> /* isfinite(), a macro: no -lm */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <yaml.h>

#include "dlfl/arena.h"
#include "dlfl/diag.h"
#include "dlfl/store.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"
#include "dlfl/yaml_tree.h"

/* Records nest four levels; anything much deeper is not a record. */
#define MAX_DEPTH 32

/* ---- emitting ---------------------------------------------------------- */

struct out {
        yaml_emitter_t em;
        char *buf;
        size_t len, cap;
        bool failed;
};

static int out_write(void *data, unsigned char *bytes, size_t size);
static void emit(struct out *o, yaml_event_t *ev);
static void emit_scalar(struct out *o, const char *s, bool plain_ok, yaml_scalar_style_t style);
static void emit_string(struct out *o, const char *s);
static void emit_key(struct out *o, const char *key);
static void emit_int(struct out *o, const char *key, long v, long lo, long hi);
static void emit_double(struct out *o, const char *key, double v, double lo, double hi);
static void emit_bool(struct out *o, const char *key, bool v);
static void emit_time(struct out *o, const char *key, time_t t);
static void emit_map_start(struct out *o);
static void emit_seq_start(struct out *o, bool flow);
static void emit_end(struct out *o, bool map);
static void emit_screen(struct out *o, const struct screen_state *st);
static void emit_attempt(struct out *o, const struct attempt *a);
static bool looks_typed(const char *s);
static locale_t c_locale(void);

static int out_write(void *data, unsigned char *bytes, size_t size)
{
        struct out *o = data;

        if (o->len + size + 1 > o->cap) {
                o->cap = (o->len + size + 1) * 2;
                o->buf = xrealloc(o->buf, o->cap);
        }
        memcpy(o->buf + o->len, bytes, size);
        o->len += size;
        return 1;
}

static void emit(struct out *o, yaml_event_t *ev)
{
        if (o->failed) {
                yaml_event_delete(ev);
                return;
        }
        /* yaml_emitter_emit() takes the event, even when it fails. */
        if (!yaml_emitter_emit(&o->em, ev))
                o->failed = true;
}

/* Would a YAML reader take this plain scalar for a null, a boolean or a
 * number? Then it is quoted, so other tools read the string back too. */
static bool looks_typed(const char *s)
{
        static const char *const words[] = {
            "~",     "null", "Null", "NULL", "true", "True", "TRUE", "false", "False",
            "FALSE", "yes",  "Yes",  "YES",  "no",   "No",   "NO",   "on",    "On",
            "ON",    "off",  "Off",  "OFF",  "y",    "Y",    "n",    "N",
        };

        if (s[0] == '\0' || strchr("0123456789+-.", s[0]) != NULL)
                return true;
        for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
                if (strcmp(s, words[i]) == 0)
                        return true;
        return false;
}

static void emit_scalar(struct out *o, const char *s, bool plain_ok, yaml_scalar_style_t style)
{
        yaml_event_t ev;

        if (o->failed)
                return;
        if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s),
                                          plain_ok, 1, style)) {
                o->failed = true;
                return;
        }
        emit(o, &ev);
}

static void emit_string(struct out *o, const char *s)
{
        /* Learners type in whatever encoding their terminal uses; the
         * emitter takes only UTF-8, so a stray byte becomes U+FFFD rather
         * than making every later save fail. */
        char *clean = text_utf8_repair(s);

        /* A literal block keeps newlines as they are, but a reader folds
         * CR, NEL, U+2028 and U+2029 into newlines: text holding one of
         * those is written double-quoted, where they are escaped. */
        bool other_break = strchr(clean, '\r') != NULL || strstr(clean, "\xc2\x85") != NULL ||
                           strstr(clean, "\xe2\x80\xa8") != NULL ||
                           strstr(clean, "\xe2\x80\xa9") != NULL;
        yaml_scalar_style_t style = other_break                   ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
                                    : strchr(clean, '\n') != NULL ? YAML_LITERAL_SCALAR_STYLE
                                                                  : YAML_ANY_SCALAR_STYLE;

        emit_scalar(o, clean, !looks_typed(clean), style);
        free(clean);
}

static void emit_key(struct out *o, const char *key)
{
        emit_scalar(o, key, true, YAML_PLAIN_SCALAR_STYLE);
}

/* Numbers are clamped to the range the parser accepts (record.h), so a
 * save never writes what the next load would refuse. */
static void emit_int(struct out *o, const char *key, long v, long lo, long hi)
{
        char buf[32];

        v = v < lo ? lo : v > hi ? hi : v;
        snprintf(buf, sizeof(buf), "%ld", v);
        emit_key(o, key);
        emit_scalar(o, buf, true, YAML_PLAIN_SCALAR_STYLE);
}

/* The shortest form that reads back as the same double. */
static void emit_double(struct out *o, const char *key, double v, double lo, double hi)
{
        char buf[40];

        if (!isfinite(v) || v == 0)
                v = 0;
        v = v < lo ? lo : v > hi ? hi : v;
        /* Whole numbers as such: %g would make 70 "7e+01". */
        if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
                snprintf(buf, sizeof(buf), "%.0f", v);
        } else {
                for (int prec = 1; prec <= 17; prec++) {
                        snprintf(buf, sizeof(buf), "%.*g", prec, v);
                        if (strtod(buf, NULL) == v)
                                break;
                }
        }
        emit_key(o, key);
        emit_scalar(o, buf, true, YAML_PLAIN_SCALAR_STYLE);
}

static void emit_bool(struct out *o, const char *key, bool v)
{
        emit_key(o, key);
        emit_scalar(o, v ? "true" : "false", true, YAML_PLAIN_SCALAR_STYLE);
}

static void emit_time(struct out *o, const char *key, time_t t)
{
        struct tm tm;
        char buf[40];

        /* Clamped to what parse_time() reads, so a save never writes what
         * the next load would refuse. */
        if (t < 0)
                t = 0;
        if (t > RECORD_MAX_TIME)
                t = RECORD_MAX_TIME;
        if (gmtime_r(&t, &tm) != NULL)
                snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                         tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        else
                snprintf(buf, sizeof(buf), "%lld", (long long)t);
        emit_key(o, key);
        emit_scalar(o, buf, true, YAML_PLAIN_SCALAR_STYLE);
}

static void emit_map_start(struct out *o)
{
        yaml_event_t ev;

        if (!o->failed &&
            yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE))
                emit(o, &ev);
}

static void emit_seq_start(struct out *o, bool flow)
{
        yaml_event_t ev;

        if (!o->failed && yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                                               flow ? YAML_FLOW_SEQUENCE_STYLE
                                                                    : YAML_BLOCK_SEQUENCE_STYLE))
                emit(o, &ev);
}

static void emit_end(struct out *o, bool map)
{
        yaml_event_t ev;

        if (o->failed)
                return;
        if (map)
                yaml_mapping_end_event_initialize(&ev);
        else
                yaml_sequence_end_event_initialize(&ev);
        emit(o, &ev);
}

static void emit_screen(struct out *o, const struct screen_state *st)
{
        emit_map_start(o);
        emit_key(o, "id");
        emit_string(o, st->id != NULL ? st->id : "");
        if (st->seen)
                emit_bool(o, "seen", true);
        if (st->complete)
                emit_bool(o, "complete", true);
        if (st->settled)
                emit_bool(o, "settled", true);
        if (st->correct)
                emit_bool(o, "correct", true);
        if (st->attempts != 0)
                emit_int(o, "attempts", st->attempts, 0, RECORD_MAX_TRIES);
        if (st->wrong != 0)
                emit_int(o, "wrong", st->wrong, 0, RECORD_MAX_TRIES);
        if (st->hints_used != 0)
                emit_int(o, "hints-used", st->hints_used, 0, RECORD_MAX_TRIES);
        if (st->points != 0)
                emit_double(o, "points", st->points, 0, RECORD_MAX_POINTS);
        if (st->response != NULL) {
                emit_key(o, "response");
                emit_string(o, st->response);
        }
        if (st->text != NULL) {
                emit_key(o, "text");
                emit_string(o, st->text);
        }
        if (st->draft != NULL) {
                emit_key(o, "draft");
                emit_string(o, st->draft);
        }
        if (st->npath > 0) {
                emit_key(o, "path");
                emit_seq_start(o, true);
                for (size_t i = 0; i < st->npath; i++)
                        emit_string(o, st->path[i] != NULL ? st->path[i] : "");
                emit_end(o, false);
        }
        if (st->ending != NULL) {
                emit_key(o, "ending");
                emit_string(o, st->ending);
        }
        if (st->rating != -1)
                emit_int(o, "rating", st->rating, -1, RECORD_MAX_TRIES);
        if (st->seconds != 0)
                emit_double(o, "seconds", st->seconds, 0, RECORD_MAX_SECONDS);
        if (st->when != 0)
                emit_time(o, "when", st->when);
        emit_end(o, true);
}

static void emit_attempt(struct out *o, const struct attempt *a)
{
        emit_map_start(o);
        emit_time(o, "started", a->started);
        if (a->completed != 0)
                emit_time(o, "completed", a->completed);
        emit_time(o, "updated", a->updated);
        emit_double(o, "pass-mark", a->pass_mark, 0, 100);
        emit_bool(o, "complete", a->complete);
        emit_bool(o, "passed", a->passed);
        if (a->questions_only)
                emit_bool(o, "questions-only", true);
        emit_double(o, "earned", a->earned, 0, RECORD_MAX_POINTS);
        emit_double(o, "possible", a->possible, 0, RECORD_MAX_POINTS);
        emit_double(o, "seconds", a->seconds, 0, RECORD_MAX_SECONDS);
        if (a->section != NULL || a->screen != NULL) {
                emit_key(o, "position");
                emit_map_start(o);
                if (a->section != NULL) {
                        emit_key(o, "section");
                        emit_string(o, a->section);
                }
                if (a->screen != NULL) {
                        emit_key(o, "screen");
                        emit_string(o, a->screen);
                }
                emit_end(o, true);
        }
        if (a->digest != NULL) {
                emit_key(o, "digest");
                emit_string(o, a->digest);
        }
        emit_key(o, "screens");
        emit_seq_start(o, a->nscreens == 0);
        for (size_t i = 0; i < a->nscreens; i++)
                emit_screen(o, &a->screens[i]);
        emit_end(o, false);
        emit_end(o, true);
}

/* Numbers in the C locale, whatever LC_NUMERIC the user has. */
static locale_t c_locale(void)
{
        static locale_t c;

        if (c == (locale_t)0)
                c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
        return c;
}

char *store_yaml_emit(const struct learner_record *r, size_t *len, const char **err)
{
        struct out o = {0};
        yaml_event_t ev;
        locale_t c = c_locale(), old = (locale_t)0;

        *len = 0;
        if (!yaml_emitter_initialize(&o.em)) {
                *err = "The record could not be written (the YAML writer did not start).";
                return NULL;
        }
        if (c != (locale_t)0)
                old = uselocale(c);
        yaml_emitter_set_output(&o.em, out_write, &o);
        yaml_emitter_set_unicode(&o.em, 1);
        yaml_emitter_set_width(&o.em, -1);
        yaml_emitter_set_indent(&o.em, 2);

        yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
        emit(&o, &ev);
        if (!o.failed && yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1))
                emit(&o, &ev);
        emit_map_start(&o);
        emit_int(&o, "dlfl-record", STORE_FORMAT, 1, 1);
        emit_key(&o, "name");
        emit_string(&o, r->name != NULL ? r->name : "");
        if (r->passphrase != NULL) {
                emit_key(&o, "passphrase");
                emit_string(&o, r->passphrase);
        }
        emit_time(&o, "created", r->created);
        emit_key(&o, "modules");
        emit_seq_start(&o, r->nmodules == 0);
        for (size_t i = 0; i < r->nmodules; i++) {
                const struct module_record *m = &r->modules[i];

                emit_map_start(&o);
                emit_key(&o, "id");
                emit_string(&o, m->module != NULL ? m->module : "");
                if (m->title != NULL) {
                        emit_key(&o, "title");
                        emit_string(&o, m->title);
                }
                emit_key(&o, "attempts");
                emit_seq_start(&o, m->nattempts == 0);
                for (size_t j = 0; j < m->nattempts; j++)
                        emit_attempt(&o, &m->attempts[j]);
                emit_end(&o, false);
                emit_end(&o, true);
        }
        emit_end(&o, false);
        emit_end(&o, true);
        if (!o.failed && yaml_document_end_event_initialize(&ev, 1))
                emit(&o, &ev);
        if (!o.failed) {
                yaml_stream_end_event_initialize(&ev);
                emit(&o, &ev);
        }
        if (!o.failed && !yaml_emitter_flush(&o.em))
                o.failed = true;
        yaml_emitter_delete(&o.em);
        if (c != (locale_t)0)
                uselocale(old);
        if (o.failed) {
                free(o.buf);
                *err = "The record could not be written (the YAML writer failed).";
                return NULL;
        }
        if (o.buf == NULL)
                o.buf = xmalloc(1);
        o.buf[o.len] = '\0';
        *len = o.len;
        return o.buf;
}

/* ---- parsing ----------------------------------------------------------- */

struct parse {
        char *why;
};

static bool fail(struct parse *ps, const struct ynode *n, const char *what);
static bool get_string(struct parse *ps, const struct ynode *map, const char *key, char **out,
                       bool required);
static bool get_bool(struct parse *ps, const struct ynode *map, const char *key, bool *out);
static bool out_of_range(struct parse *ps, const struct ynode *v, const char *key, double lo,
                         double hi);
static bool get_int(struct parse *ps, const struct ynode *map, const char *key, int *out, int lo,
                    int hi);
static bool get_double(struct parse *ps, const struct ynode *map, const char *key, double *out,
                       double lo, double hi);
static bool get_time(struct parse *ps, const struct ynode *map, const char *key, time_t *out);
static bool get_seq(struct parse *ps, const struct ynode *map, const char *key,
                    const struct ynode **out);
static bool read_screen(struct parse *ps, const struct ynode *n, struct screen_state *st);
static bool read_attempt(struct parse *ps, const struct ynode *n, struct attempt *a);
static bool read_module(struct parse *ps, const struct ynode *n, struct module_record *m);
static bool parse_time(const char *s, time_t *out);
static long long days_from_civil(long long y, int m, int d);

/* The module loader's reader, made lenient: a record written by hand or by
 * an older dlfl keeps loading as it always did (yaml_tree.h says how). */
static const struct ytree_options record_reading = {
    .lenient = true, .max_depth = MAX_DEPTH, .max_scalar = UINT_MAX};

/* A value holding a NUL would be cut short where it is used and written
 * back different from what was read: refused, wherever it is. */
static const struct ynode *find_nul(const struct ynode *n)
{
        if (n->kind == YNODE_SCALAR)
                return strlen(n->text) != n->count ? n : NULL;
        for (size_t i = 0; i < n->count; i++) {
                const struct ynode *found = find_nul(n->items[i]);

                if (found != NULL)
                        return found;
        }
        return NULL;
}

/* The tree of buf, or NULL with *why saying what is wrong in the words
 * records have always used ("line N: ..."). */
static const struct ynode *load(const char *buf, size_t len, struct arena *nodes,
                                struct arena *text, char **why)
{
        struct diag_list diags = {0};
        struct ybuffer in = {.buf = buf, .len = len};
        struct ysource src;
        const struct ynode *root, *nul;

        ytree_buffer(&in, &src);
        root = ytree_parse_with("record", &src, &record_reading, nodes, text, &diags);
        if (root == NULL) {
                const struct diag *d = NULL;

                for (size_t i = 0; i < diags.count && d == NULL; i++)
                        if (diags.items[i].level == DIAG_ERROR)
                                d = &diags.items[i];
                if (d == NULL)
                        *why = xstrdup("the record could not be read");
                else if (d->code == E_YAML_EMPTY)
                        *why = xstrdup("the file is empty");
                else if (d->code == E_YAML_ALIAS)
                        *why = xasprintf("line %u: aliases are not used in records", d->line);
                else if (d->code == E_YAML_DEPTH)
                        *why = xasprintf("line %u: nested too deeply", d->line);
                else
                        *why = xasprintf("line %u: %s", d->line, d->message);
        } else if ((nul = find_nul(root)) != NULL) {
                *why = xasprintf("line %u: a NUL character in a value", nul->line);
                root = NULL;
        }
        diag_free(&diags);
        return root;
}

static bool fail(struct parse *ps, const struct ynode *n, const char *what)
{
        if (ps->why == NULL)
                ps->why = xasprintf("line %u: %s", n->line, what);
        return false;
}

static bool get_string(struct parse *ps, const struct ynode *map, const char *key, char **out,
                       bool required)
{
        const struct ynode *v = ytree_get(map, key);

        if (v == NULL || ytree_is_null(v)) {
                if (required) {
                        char *msg = xasprintf("'%s' is missing", key);

                        fail(ps, v != NULL ? v : map, msg);
                        free(msg);
                        return false;
                }
                return true;
        }
        if (v->kind != YNODE_SCALAR)
                return fail(ps, v, "expected text");
        free(*out);
        *out = xstrdup(v->text);
        return true;
}

static bool get_bool(struct parse *ps, const struct ynode *map, const char *key, bool *out)
{
        static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES"};
        static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO"};
        const struct ynode *v = ytree_get(map, key);

        if (v == NULL || ytree_is_null(v))
                return true;
        if (v->kind == YNODE_SCALAR) {
                for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
                        if (strcmp(v->text, yes[i]) == 0) {
                                *out = true;
                                return true;
                        }
                        if (strcmp(v->text, no[i]) == 0) {
                                *out = false;
                                return true;
                        }
                }
        }
        return fail(ps, v, "expected true or false");
}

/* Every number is range-checked here, so nothing later casts a value it
 * cannot hold and nothing shown is absurd: a record holding one outside
 * [lo, hi] is refused with the key and the range. */
static bool out_of_range(struct parse *ps, const struct ynode *v, const char *key, double lo,
                         double hi)
{
        char *msg = xasprintf("'%s' must be from %.15g to %.15g", key, lo, hi);

        fail(ps, v, msg);
        free(msg);
        return false;
}

static bool get_int(struct parse *ps, const struct ynode *map, const char *key, int *out, int lo,
                    int hi)
{
        const struct ynode *v = ytree_get(map, key);
        char *end;
        long n;

        if (v == NULL || ytree_is_null(v))
                return true;
        if (v->kind != YNODE_SCALAR)
                return fail(ps, v, "expected a whole number");
        errno = 0;
        n = strtol(v->text, &end, 10);
        if (end == v->text || *end != '\0' ||
            (v->text[0] != '-' && (v->text[0] < '0' || v->text[0] > '9')))
                return fail(ps, v, "expected a whole number");
        if (errno != 0 || n < lo || n > hi)
                return out_of_range(ps, v, key, lo, hi);
        *out = (int)n;
        return true;
}

/* Decimal numbers only: strtod() would also take hexadecimal, "inf" and
 * "nan", which the emitter never writes. */
static bool get_double(struct parse *ps, const struct ynode *map, const char *key, double *out,
                       double lo, double hi)
{
        const struct ynode *v = ytree_get(map, key);
        const char *s;
        char *end;
        double d;

        if (v == NULL || ytree_is_null(v))
                return true;
        if (v->kind != YNODE_SCALAR)
                return fail(ps, v, "expected a number");
        s = v->text;
        if (*s == '-' || *s == '+')
                s++;
        if (!((*s >= '0' && *s <= '9') || (*s == '.' && s[1] >= '0' && s[1] <= '9')) ||
            strpbrk(s, "xXnN") != NULL)
                return fail(ps, v, "expected a number");
        errno = 0;
        d = strtod(v->text, &end);
        if (end == v->text || *end != '\0')
                return fail(ps, v, "expected a number");
        if (!isfinite(d) || d < lo || d > hi)
                return out_of_range(ps, v, key, lo, hi);
        *out = d == 0 ? 0 : d; /* no -0: it would be left out and read back as 0 anyway */
        return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (timegm() is not
 * POSIX, and mktime() works in local time). */
static long long days_from_civil(long long y, int m, int d)
{
        y -= m <= 2;
        long long era = (y >= 0 ? y : y - 399) / 400;
        long long yoe = y - era * 400;
        long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

        return era * 146097 + doe - 719468;
}

/* "YYYY-MM-DDTHH:MM:SS" with "Z", "+HH:MM" or "-HH:MM" (and optional
 * fractions of a second, dropped), or whole seconds since 1970. */
static bool parse_time(const char *s, time_t *out)
{
        int f[6] = {0};
        static const int width[6] = {4, 2, 2, 2, 2, 2};
        static const char sep[6] = {'-', '-', 'T', ':', ':', '\0'};
        const char *p = s;
        long long secs;

        if (strchr(s, '-') == NULL || strchr(s, '-') == s) {
                char *end;
                long long v;

                errno = 0;
                v = strtoll(s, &end, 10);
                if (errno != 0 || end == s || *end != '\0' || s[0] < '0' || s[0] > '9' ||
                    v > RECORD_MAX_TIME)
                        return false;
                *out = (time_t)v;
                return true;
        }
        for (int i = 0; i < 6; i++) {
                for (int j = 0; j < width[i]; j++, p++) {
                        if (*p < '0' || *p > '9')
                                return false;
                        f[i] = f[i] * 10 + (*p - '0');
                }
                if (sep[i] != '\0') {
                        if (*p != sep[i] && !(sep[i] == 'T' && (*p == 't' || *p == ' ')))
                                return false;
                        p++;
                }
        }
        if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23 || f[4] > 59 || f[5] > 60)
                return false;
        secs = days_from_civil(f[0], f[1], f[2]) * 86400LL + f[3] * 3600LL + f[4] * 60LL + f[5];
        if (*p == '.')
                for (p++; *p >= '0' && *p <= '9'; p++)
                        ;
        if (*p == 'Z' || *p == 'z') {
                p++;
        } else if (*p == '+' || *p == '-') {
                int sign = *p == '+' ? 1 : -1;
                int hh, mm;

                if (p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9' || p[3] != ':' ||
                    p[4] < '0' || p[4] > '9' || p[5] < '0' || p[5] > '9')
                        return false;
                hh = (p[1] - '0') * 10 + (p[2] - '0');
                mm = (p[4] - '0') * 10 + (p[5] - '0');
                secs -= sign * (hh * 3600LL + mm * 60LL);
                p += 6;
        }
        /* Only what emit_time() writes back the same way: 1970 to 9999. A
         * year such as 0469 would come back as "469-..." and the record
         * would then be refused as corrupt. */
        if (*p != '\0' || secs < 0 || secs > RECORD_MAX_TIME)
                return false;
        *out = (time_t)secs;
        return true;
}

static bool get_time(struct parse *ps, const struct ynode *map, const char *key, time_t *out)
{
        const struct ynode *v = ytree_get(map, key);

        if (v == NULL || ytree_is_null(v))
                return true;
        if (v->kind != YNODE_SCALAR || !parse_time(v->text, out))
                return fail(ps, v,
                            "expected a time from 1970 to 9999 such as 2026-01-31T09:30:00Z");
        return true;
}

static bool get_seq(struct parse *ps, const struct ynode *map, const char *key,
                    const struct ynode **out)
{
        const struct ynode *v = ytree_get(map, key);

        *out = NULL;
        if (v == NULL || ytree_is_null(v))
                return true;
        if (v->kind != YNODE_SEQUENCE)
                return fail(ps, v, "expected a list");
        *out = v;
        return true;
}

static bool read_screen(struct parse *ps, const struct ynode *n, struct screen_state *st)
{
        const struct ynode *path;

        st->rating = -1;
        if (n->kind != YNODE_MAPPING)
                return fail(ps, n, "a screen's state must be a mapping");
        if (!get_string(ps, n, "id", &st->id, true) || !get_bool(ps, n, "seen", &st->seen) ||
            !get_bool(ps, n, "complete", &st->complete) ||
            !get_bool(ps, n, "settled", &st->settled) ||
            !get_bool(ps, n, "correct", &st->correct) ||
            !get_int(ps, n, "attempts", &st->attempts, 0, RECORD_MAX_TRIES) ||
            !get_int(ps, n, "wrong", &st->wrong, 0, RECORD_MAX_TRIES) ||
            !get_int(ps, n, "hints-used", &st->hints_used, 0, RECORD_MAX_TRIES) ||
            !get_double(ps, n, "points", &st->points, 0, RECORD_MAX_POINTS) ||
            !get_string(ps, n, "response", &st->response, false) ||
            !get_string(ps, n, "text", &st->text, false) ||
            !get_string(ps, n, "draft", &st->draft, false) ||
            !get_string(ps, n, "ending", &st->ending, false) ||
            !get_int(ps, n, "rating", &st->rating, -1, RECORD_MAX_TRIES) ||
            !get_double(ps, n, "seconds", &st->seconds, 0, RECORD_MAX_SECONDS) ||
            !get_time(ps, n, "when", &st->when) || !get_seq(ps, n, "path", &path))
                return false;
        if (path != NULL && path->count > 0) {
                st->path = xcalloc(path->count, sizeof(*st->path));
                for (size_t i = 0; i < path->count; i++) {
                        if (path->items[i]->kind != YNODE_SCALAR)
                                return fail(ps, path->items[i], "a case-study step must be an id");
                        st->path[st->npath++] = xstrdup(path->items[i]->text);
                }
        }
        return true;
}

static bool read_attempt(struct parse *ps, const struct ynode *n, struct attempt *a)
{
        const struct ynode *pos, *screens;

        if (n->kind != YNODE_MAPPING)
                return fail(ps, n, "an attempt must be a mapping");
        if (!get_time(ps, n, "started", &a->started) ||
            !get_time(ps, n, "completed", &a->completed) ||
            !get_time(ps, n, "updated", &a->updated) ||
            !get_double(ps, n, "pass-mark", &a->pass_mark, 0, 100) ||
            !get_bool(ps, n, "complete", &a->complete) || !get_bool(ps, n, "passed", &a->passed) ||
            !get_bool(ps, n, "questions-only", &a->questions_only) ||
            !get_double(ps, n, "earned", &a->earned, 0, RECORD_MAX_POINTS) ||
            !get_double(ps, n, "possible", &a->possible, 0, RECORD_MAX_POINTS) ||
            !get_double(ps, n, "seconds", &a->seconds, 0, RECORD_MAX_SECONDS) ||
            !get_string(ps, n, "digest", &a->digest, false) || !get_seq(ps, n, "screens", &screens))
                return false;
        pos = ytree_get(n, "position");
        if (pos != NULL && !ytree_is_null(pos)) {
                if (pos->kind != YNODE_MAPPING)
                        return fail(ps, pos, "the position must be a mapping");
                if (!get_string(ps, pos, "section", &a->section, false) ||
                    !get_string(ps, pos, "screen", &a->screen, false))
                        return false;
        }
        if (screens != NULL && screens->count > 0) {
                a->screens = xcalloc(screens->count, sizeof(*a->screens));
                for (size_t i = 0; i < screens->count; i++)
                        if (!read_screen(ps, screens->items[i], &a->screens[a->nscreens++]))
                                return false;
        }
        return true;
}

static bool read_module(struct parse *ps, const struct ynode *n, struct module_record *m)
{
        const struct ynode *attempts;

        if (n->kind != YNODE_MAPPING)
                return fail(ps, n, "a module's progress must be a mapping");
        if (!get_string(ps, n, "id", &m->module, true) ||
            !get_string(ps, n, "title", &m->title, false) || !get_seq(ps, n, "attempts", &attempts))
                return false;
        if (attempts != NULL && attempts->count > 0) {
                m->attempts = xcalloc(attempts->count, sizeof(*m->attempts));
                for (size_t i = 0; i < attempts->count; i++)
                        if (!read_attempt(ps, attempts->items[i], &m->attempts[m->nattempts++]))
                                return false;
        }
        return true;
}

struct learner_record *store_yaml_parse(const char *buf, size_t len, char **why)
{
        struct parse ps = {0};
        struct arena nodes = {0}, text = {0};
        const struct ynode *root;
        struct learner_record *r = NULL;
        const struct ynode *modules;
        int version = 0;
        locale_t c = c_locale(), old = (locale_t)0;

        *why = NULL;
        root = load(buf, len, &nodes, &text, &ps.why);
        if (root == NULL)
                goto done;
        if (c != (locale_t)0)
                old = uselocale(c);
        r = xcalloc(1, sizeof(*r));
        if (root->kind != YNODE_MAPPING) {
                fail(&ps, root, "a record must be a mapping");
        } else if (ytree_get(root, "dlfl-record") == NULL) {
                fail(&ps, root, "not a dlfl record (no 'dlfl-record' key)");
        } else if (!get_int(&ps, root, "dlfl-record", &version, 1, RECORD_MAX_TRIES)) {
                /* ps.why says why */
        } else if (get_string(&ps, root, "name", &r->name, true) &&
                   get_string(&ps, root, "passphrase", &r->passphrase, false) &&
                   get_time(&ps, root, "created", &r->created) &&
                   get_seq(&ps, root, "modules", &modules) && modules != NULL &&
                   modules->count > 0) {
                r->modules = xcalloc(modules->count, sizeof(*r->modules));
                for (size_t i = 0; i < modules->count; i++)
                        if (!read_module(&ps, modules->items[i], &r->modules[r->nmodules++]))
                                break;
        }
        if (c != (locale_t)0)
                uselocale(old);
done:
        arena_free(&nodes);
        arena_free(&text);
        if (ps.why != NULL) {
                record_free(&r);
                *why = ps.why;
                return NULL;
        }
        return r;
}
