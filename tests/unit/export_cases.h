/* Shared by test_export.c and test_export_cpd.c: fixtures and helpers. Each test file uses
 * some of them, so unused ones are not an error here. */
#ifndef EXPORT_CASES_H
#define EXPORT_CASES_H
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-variable"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <md4c.h>

#include "dlfl/export.h"
#include "dlfl/json.h"
#include "dlfl/settings.h"
#include "dlfl/text.h"

#define T0 ((time_t)1764403200) /* 2025-11-29T08:00:00Z */

static struct choice single_choices[] = {
    {.text = "Consent"}, {.text = "Public task", .correct = true}, {.text = "Contract"}};
static struct choice multi_choices[] = {{.text = "Accuracy", .correct = true},
                                        {.text = "Speed"},
                                        {.text = "Storage limitation", .correct = true}};
static const char *text_answers[] = {"Public task", "public-task"};
static const char *order_items[] = {"Contain", "Assess", "Report"};
static struct pair match_pairs[] = {
    {"Output", "45 attended"}, {"Outcome", "confidence grew"}, {"Impact", "a stronger community"}};
static const char *scale5[] = {"None", "Basic", "Developing", "Proficient", "Expert"};
static const char *outcomes[] = {"Explain the *seven* principles"};
static const char *tags[] = {"information governance"};
static const char *pksb[] = {"Information governance and compliance", "Ethics and values"};
static struct choice step_choices[] = {{.text = "Ask why", .next = 1}};
static struct step steps[] = {
    {.id = "start",
     .text = "A colleague asks for the list.",
     .choices = step_choices,
     .nchoices = 1},
    {.id = "purpose", .text = "You ask what it is for.", .ending = ENDING_GOOD}};

#define RATING "How confident are you with *personal data*?"

static struct screen screens[] = {
    {.type = SCREEN_LESSON, .id = "intro", .title = "Intro", .body = "Hello"},
    {.type = SCREEN_QUESTION,
     .id = "rate-before",
     .kind = KIND_RATING,
     .prompt = RATING,
     .scale = scale5,
     .nscale = 5},
    {.type = SCREEN_QUESTION,
     .id = "q-single",
     .kind = KIND_SINGLE,
     .prompt = "Lawful basis?",
     .choices = single_choices,
     .nchoices = 3,
     .points = 1,
     .attempts = 2},
    {.type = SCREEN_QUESTION,
     .id = "q-multi",
     .kind = KIND_MULTIPLE,
     .prompt = "Principles?",
     .choices = multi_choices,
     .nchoices = 3,
     .points = 2,
     .attempts = 2},
    {.type = SCREEN_QUESTION,
     .id = "q-tf",
     .kind = KIND_TRUE_FALSE,
     .prompt = "Weekends count?",
     .answer_true = true,
     .points = 1,
     .attempts = 1},
    {.type = SCREEN_QUESTION,
     .id = "q-text",
     .kind = KIND_TEXT,
     .prompt = "Basis for lending?",
     .answers = text_answers,
     .nanswers = 2,
     .points = 1,
     .attempts = 2},
    {.type = SCREEN_QUESTION,
     .id = "q-order",
     .kind = KIND_ORDER,
     .prompt = "Order these",
     .items = order_items,
     .nitems = 3,
     .points = 1,
     .attempts = 2},
    {.type = SCREEN_QUESTION,
     .id = "q-match",
     .kind = KIND_MATCH,
     .prompt = "Match these",
     .pairs = match_pairs,
     .npairs = 3,
     .points = 1,
     .attempts = 2},
    {.type = SCREEN_QUESTION,
     .id = "q-num",
     .kind = KIND_NUMERIC,
     .prompt = "Hours to report?",
     .number = 72,
     .tolerance = 0.5,
     .points = 1,
     .attempts = 2},
    {.type = SCREEN_QUESTION,
     .id = "q-reflect",
     .kind = KIND_REFLECTION,
     .prompt = "What will you change?"},
    {.type = SCREEN_CASE_STUDY,
     .id = "case",
     .title = "The spreadsheet",
     .body = "Scenario",
     .steps = steps,
     .nsteps = 2,
     .reflection = "What would you do in your branch?"},
    {.type = SCREEN_QUESTION,
     .id = "rate-after",
     .kind = KIND_RATING,
     .prompt = RATING,
     .scale = scale5,
     .nscale = 5},
};
#define NSCREENS (sizeof(screens) / sizeof(screens[0]))

static struct section sections[] = {
    {.id = "s1", .title = "Section", .first = 0, .count = NSCREENS}};

static struct module mod = {.format = 1,
                            .digest = "0123abcd",
                            .id = "mod-a",
                            .title = "Data, \"care\" and you",
                            .summary = "About data.",
                            .pass_mark = 70,
                            .outcomes = outcomes,
                            .noutcomes = 1,
                            .tags = tags,
                            .ntags = 1,
                            .pksb = pksb,
                            .npksb = 2,
                            .sections = sections,
                            .nsections = 1,
                            .screens = screens,
                            .nscreens = NSCREENS};
static struct module *mods[] = {&mod};
static struct catalog cat = {.modules = mods, .count = 1};

/* A screen's state as the session would leave it. */
struct st_init {
        const char *id;
        bool complete, settled, correct;
        int attempts, wrong, rating;
        double points;
        const char *response, *text;
        double seconds;
        time_t when;
};

static const struct st_init states_a[] = {
    {.id = "intro", .complete = true, .rating = -1, .seconds = 30, .when = T0 + 30},
    {.id = "rate-before",
     .complete = true,
     .attempts = 1,
     .rating = 1,
     .response = "1",
     .when = T0 + 40},
    {.id = "q-single",
     .complete = true,
     .settled = true,
     .correct = true,
     .attempts = 2,
     .wrong = 1,
     .points = 0.67,
     .response = "2",
     .rating = -1,
     .seconds = 61,
     .when = T0 + 100},
    {.id = "q-multi",
     .complete = true,
     .settled = true,
     .correct = true,
     .attempts = 1,
     .points = 2,
     .response = "1,3",
     .rating = -1,
     .when = T0 + 200},
    {.id = "q-tf",
     .complete = true,
     .settled = true,
     .correct = true,
     .attempts = 1,
     .points = 1,
     .response = "true",
     .rating = -1,
     .when = T0 + 300},
    {.id = "q-text",
     .complete = true,
     .settled = true,
     .correct = true,
     .attempts = 1,
     .points = 1,
     .response = "public  task",
     .rating = -1,
     .when = T0 + 400},
    {.id = "q-order",
     .complete = true,
     .settled = true,
     .attempts = 2,
     .wrong = 2,
     .response = "2,1,3",
     .rating = -1,
     .when = T0 + 500},
    {.id = "q-match",
     .complete = true,
     .settled = true,
     .correct = true,
     .attempts = 1,
     .points = 1,
     .response = "1,2,3",
     .rating = -1,
     .when = T0 + 600},
    {.id = "q-num",
     .complete = true,
     .settled = true,
     .correct = true,
     .attempts = 1,
     .points = 1,
     .response = "72.2",
     .rating = -1,
     .when = T0 + 700},
    {.id = "q-reflect",
     .complete = true,
     .attempts = 1,
     .text = "I will *check* consent.\nAnd ask \"why\".",
     .rating = -1,
     .when = T0 + 800},
    {.id = "case",
     .complete = true,
     .text = "Talk to the DPO first.",
     .rating = -1,
     .when = T0 + 900},
    {.id = "rate-after",
     .complete = true,
     .attempts = 1,
     .rating = 3,
     .response = "3",
     .when = T0 + 1000},
};

static void add_states(struct attempt *a, const struct st_init *in, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                struct screen_state *st = record_screen(a, in[i].id);

                st->seen = true;
                st->complete = in[i].complete;
                st->settled = in[i].settled;
                st->correct = in[i].correct;
                st->attempts = in[i].attempts;
                st->wrong = in[i].wrong;
                st->rating = in[i].rating;
                st->points = in[i].points;
                record_set_string(&st->response, in[i].response);
                record_set_string(&st->text, in[i].text);
                st->seconds = in[i].seconds;
                st->when = in[i].when;
        }
}

/* A learner who passed mod-a (old: and began a module since removed). */
static struct learner_record *build(const char *name, bool passed, bool old)
{
        struct learner_record *r = record_new(name);

        if (old) {
                struct module_record *mr = record_module(r, "gone-module");
                struct attempt *a = record_new_attempt(mr, 70, T0 - 86400);
                struct st_init s = {
                    .id = "old-q", .text = "An old thought", .rating = -1, .when = T0};

                record_set_string(&mr->title, "An old module");
                a->updated = T0 - 86000;
                a->possible = 3;
                a->seconds = 400;
                add_states(a, &s, 1);
        }
        if (passed) {
                struct module_record *mr = record_module(r, "mod-a");
                struct attempt *a = record_new_attempt(mr, 70, T0);
                struct screen_state *st;

                record_set_string(&mr->title, "Data");
                a->completed = a->updated = T0 + 3600;
                a->complete = a->passed = true;
                a->earned = 6.67;
                a->possible = 8;
                a->seconds = 3700;
                add_states(a, states_a, sizeof(states_a) / sizeof(states_a[0]));
                st = record_screen(a, "case");
                record_path_push(st, "start");
                record_path_push(st, "purpose");
                record_set_string(&st->ending, "good");
        }
        return r;
}

#define NAME "O'Neil, Ann \"Annie\"\nsecond line"
static struct learner_record *rec;

static char *run(bool (*fn)(FILE *, const struct catalog *, const struct learner_record *, time_t,
                            const char **),
                 const struct learner_record *r, bool *ok, const char **err)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);

        assert_non_null(mem);
        *ok = fn(mem, &cat, r, T0 + 7200, err);
        assert_int_equal(fclose(mem), 0);
        return buf;
}

/* An RFC 4180 reader: returns rows of fields, asserting CRLF line ends. */
struct csv {
        char *f[64][16];
        size_t nf[64];
        size_t rows;
};

static void csv_parse(const char *s, struct csv *c)
{
        char field[1024];
        size_t len = 0;

        memset(c, 0, sizeof(*c));
        while (*s != '\0') {
                bool quoted = *s == '"';

                len = 0;
                if (quoted) {
                        s++;
                        for (;;) {
                                assert_true(*s != '\0');
                                if (*s == '"' && s[1] == '"') {
                                        field[len++] = '"';
                                        s += 2;
                                } else if (*s == '"') {
                                        s++;
                                        break;
                                } else {
                                        field[len++] = *s++;
                                }
                        }
                } else {
                        while (*s != ',' && *s != '\r' && *s != '\0') {
                                assert_true(*s != '\n' && *s != '"');
                                field[len++] = *s++;
                        }
                }
                field[len] = '\0';
                c->f[c->rows][c->nf[c->rows]++] = strdup(field);
                if (*s == ',') {
                        s++;
                } else {
                        assert_true(s[0] == '\r' && s[1] == '\n');
                        s += 2;
                        c->rows++;
                }
        }
}

static void csv_free(struct csv *c)
{
        for (size_t r = 0; r < 64; r++)
                for (size_t i = 0; i < c->nf[r]; i++)
                        free(c->f[r][i]);
}

#endif
