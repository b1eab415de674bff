/* Test fixtures for the store: a record generated from a seed with every
 * field of record.h set (and awkward strings), and a deep comparison.
 * Included by tests/unit/test_store.c and tests/tools/store_driver.c. */
#ifndef STORE_FIXTURE_H
#define STORE_FIXTURE_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/record.h"
#include "dlfl/xalloc.h"

#define FIXTURE_EPOCH 1700000000L

/* Until src/record.c (the session's) is linked, these stand in; once it
 * is, the archive's definitions are simply not pulled for these two. */
__attribute__((weak)) struct learner_record *record_new(const char *name)
{
        struct learner_record *r = xcalloc(1, sizeof(*r));

        r->name = xstrdup(name);
        return r;
}

__attribute__((weak)) void record_free(struct learner_record **rp)
{
        struct learner_record *r;

        if (rp == NULL || *rp == NULL)
                return;
        r = *rp;
        for (size_t i = 0; i < r->nmodules; i++) {
                struct module_record *m = &r->modules[i];

                for (size_t j = 0; j < m->nattempts; j++) {
                        struct attempt *a = &m->attempts[j];

                        for (size_t k = 0; k < a->nscreens; k++) {
                                struct screen_state *s = &a->screens[k];

                                free(s->id);
                                free(s->response);
                                free(s->text);
                                for (size_t p = 0; p < s->npath; p++)
                                        free(s->path[p]);
                                free(s->path);
                                free(s->ending);
                        }
                        free(a->screens);
                        free(a->section);
                        free(a->screen);
                        free(a->digest);
                }
                free(m->attempts);
                free(m->module);
                free(m->title);
        }
        free(r->modules);
        free(r->name);
        free(r->passphrase);
        free(r);
        *rp = NULL;
}

static const char *const fixture_strings[] = {
    "2",
    "1,3",
    "true",
    "null",
    "~",
    "",
    "-0.5",
    "plain words",
    "  leading and trailing spaces  ",
    "line one\nline two\n",
    "no final newline\nsecond",
    "ends with two newlines\n\n",
    "\n starts with a newline",
    "quote ' and \" and \\ backslash",
    "# not a comment: nor a key - [x] {y} & * ! | > % @ `",
    "Zoë writes ‘curly’ quotes — and 日本語 and 😀",
    "tab\there and a bell \a and escape \x1b[31m",
    "trailing space on a line \nnext",
    "...",
    "---",
    "%YAML",
    "x\xc2\x85y\xe2\x80\xa8z", /* NEL and LINE SEPARATOR */
};
#define FIXTURE_NSTRINGS (sizeof(fixture_strings) / sizeof(fixture_strings[0]))

static const char *fixture_str(unsigned long seed, unsigned long i)
{
        return fixture_strings[(seed * 7 + i * 13) % FIXTURE_NSTRINGS];
}

/* A record whose every field depends on seed; nscreens per attempt. */
static struct learner_record *fixture_record(const char *name, unsigned long seed, size_t nmodules,
                                             size_t nscreens)
{
        struct learner_record *r = xcalloc(1, sizeof(*r));

        r->name = xstrdup(name);
        r->passphrase = seed % 3 == 0 ? NULL : xasprintf("$argon2id$v=19$salt%lu$hash", seed);
        r->created = (time_t)(FIXTURE_EPOCH + (long)seed);
        r->nmodules = nmodules;
        r->modules = xcalloc(nmodules, sizeof(*r->modules));
        for (size_t i = 0; i < nmodules; i++) {
                struct module_record *m = &r->modules[i];

                m->module = xasprintf("module-%zu", i);
                m->title = i == 1 ? NULL : xasprintf("Module %zu: %s", i, fixture_str(seed, i));
                m->nattempts = 1 + (seed + i) % 2;
                m->attempts = xcalloc(m->nattempts, sizeof(*m->attempts));
                for (size_t j = 0; j < m->nattempts; j++) {
                        struct attempt *a = &m->attempts[j];

                        a->started = (time_t)(FIXTURE_EPOCH + 1000 * (long)j + (long)seed);
                        a->completed = j == 0 ? a->started + 600 : 0;
                        a->updated = a->started + 700;
                        a->pass_mark = 70.0 + (double)(seed % 5) / 3.0;
                        a->complete = j == 0;
                        a->passed = j == 0 && seed % 2 == 0;
                        a->earned = 1.0 / 3.0 + (double)seed;
                        a->possible = 12.5;
                        a->seconds = 1234.25 + (double)seed / 7.0;
                        a->section = xasprintf("section-%zu", j);
                        a->screen = seed % 4 == 1 ? NULL : xasprintf("screen-%lu", seed % 9);
                        a->digest = xasprintf("%064lx", seed * 2654435761UL + i);
                        a->nscreens = nscreens;
                        a->screens = xcalloc(nscreens, sizeof(*a->screens));
                        for (size_t k = 0; k < nscreens; k++) {
                                struct screen_state *s = &a->screens[k];
                                unsigned long v = seed + k * 31 + j * 7 + i;

                                /* ids the module may no longer have are kept like any other */
                                s->id = k % 5 == 4 ? xasprintf("retired-%zu", k)
                                                   : xasprintf("screen-%zu", k);
                                s->seen = v % 2 == 0;
                                s->complete = v % 3 == 0;
                                s->settled = v % 5 != 0;
                                s->correct = v % 7 < 3;
                                s->attempts = (int)(v % 4);
                                s->wrong = (int)(v % 3);
                                s->hints_used = (int)(v % 2);
                                s->points = (double)(v % 10) * 0.33;
                                s->response = v % 4 == 0 ? NULL : xstrdup(fixture_str(v, 1));
                                s->text = v % 3 == 0 ? NULL : xstrdup(fixture_str(v, 2));
                                s->npath = v % 4;
                                s->path = s->npath ? xcalloc(s->npath, sizeof(char *)) : NULL;
                                for (size_t p = 0; p < s->npath; p++)
                                        s->path[p] = xasprintf("step-%zu", p + v % 3);
                                s->ending = v % 3 == 1 ? xstrdup(v % 2 ? "good" : "mixed") : NULL;
                                s->rating = (int)(v % 6) - 1;
                                s->seconds = (double)v * 1.5;
                                s->when = v % 2 ? (time_t)(FIXTURE_EPOCH + (long)v * 60) : 0;
                        }
                }
        }
        return r;
}

static int fixture_streq(const char *a, const char *b)
{
        if (a == NULL || b == NULL)
                return a == b;
        return strcmp(a, b) == 0;
}

#define FX_CHECK(cond, ...)                                                                        \
        do {                                                                                       \
                if (!(cond)) {                                                                     \
                        snprintf(why, whylen, __VA_ARGS__);                                        \
                        return 0;                                                                  \
                }                                                                                  \
        } while (0)

/* 1 when a and b hold the same progress; else 0 and why says where. */
static int fixture_equal(const struct learner_record *a, const struct learner_record *b, char *why,
                         size_t whylen)
{
        FX_CHECK(fixture_streq(a->name, b->name), "name");
        FX_CHECK(fixture_streq(a->passphrase, b->passphrase), "passphrase");
        FX_CHECK(a->created == b->created, "created");
        FX_CHECK(a->nmodules == b->nmodules, "nmodules");
        for (size_t i = 0; i < a->nmodules; i++) {
                const struct module_record *x = &a->modules[i], *y = &b->modules[i];

                FX_CHECK(fixture_streq(x->module, y->module), "module %zu id", i);
                FX_CHECK(fixture_streq(x->title, y->title), "module %zu title", i);
                FX_CHECK(x->nattempts == y->nattempts, "module %zu nattempts", i);
                for (size_t j = 0; j < x->nattempts; j++) {
                        const struct attempt *p = &x->attempts[j], *q = &y->attempts[j];

                        FX_CHECK(p->started == q->started && p->completed == q->completed &&
                                     p->updated == q->updated,
                                 "attempt %zu/%zu times", i, j);
                        FX_CHECK(p->pass_mark == q->pass_mark && p->earned == q->earned &&
                                     p->possible == q->possible && p->seconds == q->seconds,
                                 "attempt %zu/%zu numbers", i, j);
                        FX_CHECK(p->complete == q->complete && p->passed == q->passed,
                                 "attempt %zu/%zu flags", i, j);
                        FX_CHECK(fixture_streq(p->section, q->section) &&
                                     fixture_streq(p->screen, q->screen),
                                 "attempt %zu/%zu position", i, j);
                        FX_CHECK(fixture_streq(p->digest, q->digest), "attempt %zu/%zu digest", i,
                                 j);
                        FX_CHECK(p->nscreens == q->nscreens, "attempt %zu/%zu nscreens", i, j);
                        for (size_t k = 0; k < p->nscreens; k++) {
                                const struct screen_state *s = &p->screens[k], *t = &q->screens[k];

                                FX_CHECK(fixture_streq(s->id, t->id), "screen %zu id", k);
                                FX_CHECK(s->seen == t->seen && s->complete == t->complete &&
                                             s->settled == t->settled && s->correct == t->correct,
                                         "screen %s flags", s->id);
                                FX_CHECK(s->attempts == t->attempts && s->wrong == t->wrong &&
                                             s->hints_used == t->hints_used,
                                         "screen %s counts", s->id);
                                FX_CHECK(s->points == t->points && s->seconds == t->seconds,
                                         "screen %s points/seconds", s->id);
                                FX_CHECK(fixture_streq(s->response, t->response),
                                         "screen %s response [%s] vs [%s]", s->id,
                                         s->response ? s->response : "(null)",
                                         t->response ? t->response : "(null)");
                                FX_CHECK(fixture_streq(s->text, t->text),
                                         "screen %s text [%s] vs [%s]", s->id,
                                         s->text ? s->text : "(null)",
                                         t->text ? t->text : "(null)");
                                FX_CHECK(s->npath == t->npath, "screen %s npath", s->id);
                                for (size_t n = 0; n < s->npath; n++)
                                        FX_CHECK(fixture_streq(s->path[n], t->path[n]),
                                                 "screen %s path", s->id);
                                FX_CHECK(fixture_streq(s->ending, t->ending), "screen %s ending",
                                         s->id);
                                FX_CHECK(s->rating == t->rating, "screen %s rating", s->id);
                                FX_CHECK(s->when == t->when, "screen %s when", s->id);
                        }
                }
        }
        return 1;
}

#endif
