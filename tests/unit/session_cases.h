/* Shared by test_session.c and test_session_flow.c: fixtures and helpers. Each test file uses
 * some of them, so unused ones are not an error here. */
#ifndef SESSION_CASES_H
#define SESSION_CASES_H
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-variable"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dlfl/loader.h"
#include "dlfl/session.h"

#define T0 ((time_t)1700000000)

static struct module *load(const char *yaml)
{
        struct diag_list diags = {0};
        struct module *m = loader_load_buffer("test.yaml", yaml, strlen(yaml), &diags);

        if (m == NULL)
                diag_print(&diags, stderr);
        diag_free(&diags);
        assert_non_null(m);
        return m;
}

#define HEAD                                                                                       \
        "format: 1\nid: t\ntitle: T\nsummary: S\n"                                                 \
        "sections:\n  - id: s1\n    title: One\n    screens:\n"

/* A module of one question: body is the screen's fields after kind. */
static struct module *one_question(const char *kind, const char *body)
{
        char *y;
        struct module *m;
        size_t n = strlen(HEAD) + strlen(kind) + strlen(body) + 256;

        y = malloc(n);
        snprintf(y, n,
                 "%s      - type: question\n        id: q\n        kind: %s\n"
                 "        prompt: P\n%s",
                 HEAD, kind, body);
        m = load(y);
        free(y);
        return m;
}

struct fix {
        struct module *m;
        struct learner_record *rec;
        struct session *s;
        int saves;
};

static void count_save(void *ctx)
{
        ((struct fix *)ctx)->saves++;
}

static void open_fix(struct fix *f, struct module *m, const char *learner)
{
        f->m = m;
        f->rec = record_new(learner);
        f->s = session_open(m, f->rec, learner, T0);
        session_arrive(f->s, T0); /* as a front end does once the screen is up */
        f->saves = 0;
        session_set_save_hook(f->s, count_save, f);
}

static void close_fix(struct fix *f)
{
        session_close(&f->s, T0 + 1000);
        record_free(&f->rec);
        model_free(&f->m);
}

/* The shown position of the author's choice/item `author`. */
static size_t shown(struct session *s, size_t author)
{
        size_t n;
        const size_t *o = session_shown_order(s, &n);

        for (size_t i = 0; i < n; i++)
                if (o[i] == author)
                        return i;
        fail_msg("no shown position for %zu", author);
        return 0;
}

static enum answer_result pick1(struct session *s, size_t author)
{
        size_t p = shown(s, author);

        return session_answer_picks(s, &p, 1, T0 + 10);
}

#define CHOICES3                                                                                   \
        "        choices:\n"                                                                       \
        "          - text: A\n            feedback: fa\n"                                          \
        "          - text: B\n            correct: true\n            feedback: fb\n"               \
        "          - text: C\n"

static const char *two_questions(int pass_mark);

/* ---- single and penalty arithmetic ---- */

static const char *two_questions(int pass_mark)
{
        static char y[1024];

        snprintf(y, sizeof(y),
                 "format: 1\nid: t\ntitle: T\nsummary: S\npass_mark: %d\n"
                 "sections:\n  - id: s1\n    title: One\n    screens:\n"
                 "      - {type: lesson, id: l, title: L, body: B}\n"
                 "      - type: question\n        id: q1\n        kind: single\n        prompt: "
                 "P\n" CHOICES3 "      - type: question\n        id: q2\n        kind: single\n    "
                 "    prompt: P\n" CHOICES3,
                 pass_mark);
        return y;
}

#endif
