/* Exports from a hand-built module and record: CSV parsed back (RFC 4180),
 * xAPI checked by jq when it is installed, the CPD log's reflections and
 * ratings, the certificate's width and wording, and the writers' helpers. */
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

static void test_csv(void **state)
{
        bool ok;
        const char *err = NULL;
        char *out = run(export_csv, rec, &ok, &err);
        struct csv c;

        (void)state;
        assert_true(ok);
        /* A byte order mark, so a spreadsheet reads UTF-8 as UTF-8. */
        assert_memory_equal(out, "\xef\xbb\xbf", 3);
        csv_parse(out + 3, &c);
        assert_int_equal(c.rows, 3);
        assert_int_equal(c.nf[0], 13);
        assert_string_equal(c.f[0][0], "learner");
        assert_string_equal(c.f[0][12], "minutes");
        /* Catalog order first, then modules no longer installed. */
        assert_int_equal(c.nf[1], 13);
        assert_string_equal(c.f[1][0], NAME);
        assert_string_equal(c.f[1][1], "mod-a");
        assert_string_equal(c.f[1][2], "Data, \"care\" and you");
        assert_string_equal(c.f[1][3], "1");
        assert_string_equal(c.f[1][4], "passed, 83.3%");
        /* ISO 8601 in UTC, which the header says; no zone letter, so
         * spreadsheets read a date and time. */
        assert_string_equal(c.f[0][5], "started (UTC)");
        assert_string_equal(c.f[0][6], "completed (UTC)");
        assert_string_equal(c.f[1][5], "2025-11-29T08:00:00");
        assert_string_equal(c.f[1][6], "2025-11-29T09:00:00");
        assert_string_equal(c.f[1][7], "83.3");
        assert_string_equal(c.f[1][8], "6.67");
        assert_string_equal(c.f[1][9], "8");
        assert_string_equal(c.f[1][10], "70");
        assert_string_equal(c.f[1][11], "yes");
        assert_string_equal(c.f[1][12], "61");
        assert_string_equal(c.f[2][1], "gone-module");
        assert_string_equal(c.f[2][2], "An old module");
        assert_string_equal(c.f[2][4], "in progress 0.0%");
        assert_string_equal(c.f[2][6], "");
        assert_string_equal(c.f[2][11], "no");
        csv_free(&c);
        free(out);
}

static void test_csv_field(void **state)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);

        (void)state;
        export_csv_field(mem, "plain", true);
        export_csv_field(mem, "a,b", false);
        export_csv_field(mem, "say \"hi\"", false);
        export_csv_field(mem, "cr\rlf\n", false);
        export_csv_field(mem, "bad \xff byte", false);
        export_csv_field(mem, "", false);
        export_csv_end_row(mem);
        fclose(mem);
        assert_string_equal(
            buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"cr\rlf\n\",bad \xef\xbf\xbd byte,\r\n");
        free(buf);
}

/* A cell a spreadsheet would take for a formula gets a leading ', so it
 * stays text; the same characters later in a cell are left alone. */
static void test_csv_formula(void **state)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);

        (void)state;
        export_csv_field(mem, "=HYPERLINK(\"http://x.invalid\",\"Ann\")", true);
        export_csv_field(mem, "=1+2", false);
        export_csv_field(mem, "+44 20", false);
        export_csv_field(mem, "-3", false);
        export_csv_field(mem, "@SUM(A1)", false);
        export_csv_field(mem, "\tcmd", false);
        export_csv_field(mem, "\rcmd", false);
        export_csv_field(mem, "Ann = 1+2 - @x", false);
        export_csv_end_row(mem);
        fclose(mem);
        assert_string_equal(buf, "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Ann\"\")\","
                                 "'=1+2,'+44 20,'-3,'@SUM(A1),'\tcmd,\"'\rcmd\","
                                 "Ann = 1+2 - @x\r\n");
        free(buf);
}

static bool have_jq(void)
{
        return system("command -v jq >/dev/null 2>&1") == 0;
}

static void jq_check(const char *file, const char *filter)
{
        size_t size = strlen(filter) + strlen(file) + 32;
        char *cmd = malloc(size);
        int rc;

        snprintf(cmd, size, "jq -e '%s' %s >/dev/null", filter, file);
        rc = system(cmd);
        if (rc != 0)
                fail_msg("jq check failed: %s", filter);
        free(cmd);
}

static void test_xapi(void **state)
{
        bool ok;
        const char *err = NULL;
        char *out = run(export_xapi, rec, &ok, &err);
        char file[] = "/tmp/dlfl-xapi-XXXXXX";
        int fd;

        (void)state;
        assert_true(ok);
        /* Spot checks that need no parser. */
        assert_non_null(strstr(out, "\"interactionType\":\"long-fill-in\""));
        assert_non_null(strstr(out, "\"response\":\"1[.]1[,]2[.]2[,]3[.]3\""));
        assert_non_null(strstr(out, "\"response\":\"2[,]1[,]3\""));
        assert_non_null(strstr(out, "\"71.5[:]72.5\""));
        assert_non_null(strstr(out, "\"name\":\"O'Neil, Ann \\\"Annie\\\"\\nsecond line\""));
        assert_null(strstr(out, "mbox"));
        if (!have_jq()) {
                free(out);
                skip();
        }
        fd = mkstemp(file);
        assert_true(fd >= 0);
        assert_true(write(fd, out, strlen(out)) == (ssize_t)strlen(out));
        close(fd);
        jq_check(file, "type == \"array\" and length > 10");
        jq_check(
            file,
            "all(.[]; (.id | "
            "test(\"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$\")))");
        jq_check(file, "([.[].id] | unique | length) == length");
        jq_check(file, "all(.[]; .actor.objectType == \"Agent\" and (.actor.name | type) == "
                       "\"string\" and .actor.account.homePage == \"https://dlfl.invalid\" and "
                       ".actor.account.name == .actor.name)");
        jq_check(file, "all(.[]; (.verb.id | "
                       "test(\"^http://adlnet.gov/expapi/verbs/"
                       "(attempted|answered|completed|passed|failed|experienced)$\")) and "
                       "(.verb.display[\"en-GB\"] | type) == \"string\")");
        jq_check(file, "all(.[]; (.object.id | startswith(\"https://dlfl.invalid/modules/\")) and "
                       "(.object.definition.name[\"en-GB\"] | type) == \"string\")");
        jq_check(file, "all(.[]; .timestamp | "
                       "test(\"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$\"))");
        jq_check(file, "all(.[] | select(.result); .result.duration | "
                       "test(\"^PT([0-9]+H)?([0-9]+M)?([0-9]+S)?$\"))");
        jq_check(file, "all(.[] | select(.result.score); .result.score | .min == 0 and .raw <= "
                       ".max and .scaled >= 0 and .scaled <= 1)");
        jq_check(file, "[.[] | select(.verb.id | endswith(\"answered\")) | "
                       ".object.definition.interactionType] | sort == "
                       "[\"choice\",\"choice\",\"fill-in\",\"likert\",\"likert\",\"long-fill-in\","
                       "\"matching\",\"numeric\",\"sequencing\",\"true-false\"]");
        jq_check(file, "all(.[] | select(.object.definition.interactionType == \"choice\"); "
                       "(.object.definition.choices | length) == 3 and "
                       "(.object.definition.correctResponsesPattern | length) >= 1)");
        jq_check(file, "all(.[] | select(.object.definition.interactionType == \"matching\"); "
                       "(.object.definition.source | length) == 3 and (.object.definition.target | "
                       "length) == 3)");
        jq_check(file, "all(.[] | select(.object.definition.interactionType == \"likert\"); "
                       "(.object.definition.scale | length) == 5 and "
                       ".object.definition.scale[0].id == \"0\")");
        jq_check(file, "all(.[] | select(.object.definition.interactionType == \"sequencing\"); "
                       ".object.definition.correctResponsesPattern == [\"1[,]2[,]3\"])");
        jq_check(
            file,
            "all(.[] | select(.verb.id | endswith(\"answered\")); (.result | "
            "has(\"completion\") and has(\"duration\")) and "
            ".object.definition.type == \"http://adlnet.gov/expapi/activities/cmi.interaction\")");
        /* Reflections stay on the terminal unless the settings send them. */
        jq_check(file, "all(.[] | select(.object.definition.interactionType == \"long-fill-in\" or "
                       ".object.definition.type == \"http://adlnet.gov/expapi/activities/"
                       "simulation\"); .result | has(\"response\") | not)");
        jq_check(file, "all(.[] | select(.verb.id | endswith(\"answered\")) | select("
                       ".object.definition.interactionType != \"long-fill-in\"); .result | "
                       "has(\"response\"))");
        jq_check(file, "all(.[]; .context.language == \"en-GB\" and "
                       ".context.contextActivities.grouping[0].id == "
                       "\"https://dlfl.invalid/programmes/dlfl\")");
        jq_check(file, "all(.[] | select(.object.id | contains(\"/mod-a\")); .context.revision == "
                       "\"0123abcd\")");
        jq_check(file,
                 "[.[] | select(.object.id == "
                 "\"https://dlfl.invalid/modules/mod-a/screens/q-single\")][0] | .result.success "
                 "== true and .result.score.raw == 0.67 and .result.score.max == 1 and "
                 ".result.response == \"2\" and .result.duration == \"PT1M1S\"");
        jq_check(
            file,
            "[.[] | select(.verb.id | endswith(\"passed\"))] | length == 1 and .[0].result.success "
            "== true and .[0].result.completion == true and .[0].result.duration == \"PT1H1M40S\"");
        jq_check(file,
                 "[.[] | select(.object.id == \"https://dlfl.invalid/modules/gone-module\")] | "
                 "length == 1 and .[0].verb.id == \"http://adlnet.gov/expapi/verbs/attempted\"");
        jq_check(file, "all(.[]; .context.registration | test(\"^[0-9a-f-]{36}$\"))");
        unlink(file);
        free(out);
}

static void test_xapi_stable(void **state)
{
        bool ok;
        const char *err = NULL;
        char *a = run(export_xapi, rec, &ok, &err);
        char *b = run(export_xapi, rec, &ok, &err);

        (void)state;
        assert_string_equal(a, b);
        free(a);
        free(b);
}

/* Export through the settings: the actor's homePage, the language and
 * reflections come from them. */
struct ids {
        char id[64][37];
        size_t n;
};

static void collect_id(void *ctx, const char *id, const char *json, size_t len)
{
        struct ids *ids = ctx;

        (void)json;
        (void)len;
        assert_true(ids->n < 64);
        memcpy(ids->id[ids->n++], id, 37);
}

static bool has_id(const struct ids *ids, const char *id)
{
        for (size_t i = 0; i < ids->n; i++)
                if (strcmp(ids->id[i], id) == 0)
                        return true;
        return false;
}

static void test_xapi_settings(void **state)
{
        struct settings set;
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        const char *err = NULL;

        (void)state;
        settings_defaults(&set);
        free(set.home_page);
        set.home_page = strdup("https://library.example.org/branch-7");
        free(set.language);
        set.language = strdup("cy-GB");
        set.send_reflections = true;
        assert_true(export_xapi_with(mem, &cat, rec, &set, T0, &err));
        fclose(mem);
        assert_non_null(strstr(buf, "\"homePage\":\"https://library.example.org/branch-7\""));
        assert_null(strstr(buf, "\"homePage\":\"https://dlfl.invalid\""));
        assert_non_null(strstr(buf, "\"language\":\"cy-GB\""));
        assert_non_null(strstr(buf, "\"response\":\"I will *check* consent.\\nAnd ask"));
        assert_non_null(strstr(buf, "\"response\":\"Talk to the DPO first.\""));
        free(buf);
        settings_free(&set);
}

/* Opening a module's intro is not an attempt: no statement at all. */
static void test_xapi_intro_only(void **state)
{
        struct learner_record *r = record_new("Ann");
        struct ids ids = {0};

        (void)state;
        record_new_attempt(record_module(r, "mod-a"), 70, T0);
        export_xapi_each(&cat, r, NULL, T0, collect_id, &ids);
        assert_int_equal(ids.n, 0);
        record_screen(record_current(record_module(r, "mod-a")), "intro")->seen = true;
        export_xapi_each(&cat, r, NULL, T0, collect_id, &ids);
        assert_int_equal(ids.n, 1);
        record_free(&r);
}

/* More progress (time spent, more screens done, the module completed)
 * never changes the id of a statement already made: every id of the first
 * export is in the second. */
static void test_xapi_ids_survive_progress(void **state)
{
        struct learner_record *r = record_new("Ann");
        struct module_record *mr = record_module(r, "mod-a");
        struct attempt *a = record_new_attempt(mr, 70, T0);
        struct ids first = {0}, second = {0};

        (void)state;
        r->created = T0 - 100;
        add_states(a, states_a, 3);
        a->seconds = 100;
        export_xapi_each(&cat, r, NULL, T0, collect_id, &first);
        assert_true(first.n >= 3);
        add_states(a, states_a + 3, sizeof(states_a) / sizeof(states_a[0]) - 3);
        record_screen(a, "q-single")->seconds += 500;
        a->seconds = 3700;
        a->completed = a->updated = T0 + 3600;
        a->complete = a->passed = true;
        a->earned = 6;
        a->possible = 8;
        export_xapi_each(&cat, r, NULL, T0 + 9999, collect_id, &second);
        assert_true(second.n > first.n);
        for (size_t i = 0; i < first.n; i++)
                assert_true(has_id(&second, first.id[i]));
        /* Another learner of the same name, made later, is someone else. */
        r->created = T0 + 1;
        memset(&second, 0, sizeof(second));
        export_xapi_each(&cat, r, NULL, T0, collect_id, &second);
        for (size_t i = 0; i < first.n; i++)
                assert_false(has_id(&second, first.id[i]));
        record_free(&r);
}

static void test_cpd(void **state)
{
        bool ok;
        const char *err = NULL;
        char *out = run(export_cpd, rec, &ok, &err);

        (void)state;
        assert_true(ok);
        /* The learner's name is shown safely: no raw newline inside the title. */
        assert_non_null(strstr(out, "# CPD learning log: O'Neil, Ann \"Annie\" second line\n"));
        assert_non_null(strstr(out, "self-recorded learning log"));
        assert_non_null(strstr(out, "not a\nqualification"));
        assert_non_null(strstr(out, "## 1. Data, \"care\" and you"));
        assert_non_null(strstr(out, "## 2. An old module"));
        assert_non_null(strstr(out, "- Explain the seven principles"));
        assert_non_null(strstr(
            out, "- PKSB areas: Information governance and compliance; Ethics and values\n"));
        assert_non_null(strstr(out, "- Started: 2025-11-29"));
        assert_non_null(strstr(out, "- Completed: 2025-11-29"));
        assert_non_null(strstr(out, "- Time spent: 1 hour 1 minute"));
        assert_non_null(strstr(out, "- Score: 83.3% (6.67 of 8 points; pass mark 70%)"));
        /* Ratings, before and after. */
        assert_non_null(
            strstr(out, "- How confident are you with personal data?\n"
                        "  - before: **Basic** (2 of 5)\n  - after: **Proficient** (4 of 5)\n"));
        /* Reflections with their prompts. */
        assert_non_null(strstr(
            out, "What will you change?\n\n> I will \\*check\\* consent.\\\n> And ask \"why\".\n"));
        assert_non_null(strstr(out, "Case study: **The spreadsheet** (ending reached: good)"));
        assert_non_null(
            strstr(out, "What would you do in your branch?\n\n> Talk to the DPO first.\n"));
        assert_non_null(strstr(out, "> An old thought"));
        assert_non_null(strstr(out, "- Total time: 1.1 hours (1 hour 8 minutes)"));
        assert_null(strstr(out, "accredited"));
        free(out);
}

/* What a Markdown renderer (md4c, CommonMark with the GitHub extensions)
 * makes of the CPD log: any emphasis, link, image, raw HTML, heading
 * beyond ours or list counts against learner text. */
struct md_seen {
        int em, link, html, code, strike;
        int br, softbr, para, quote;
        char text[8192];
        size_t len;
};

static int md_enter_block(MD_BLOCKTYPE t, void *d, void *u)
{
        struct md_seen *s = u;

        (void)d;
        s->html += t == MD_BLOCK_HTML;
        s->code += t == MD_BLOCK_CODE;
        s->para += t == MD_BLOCK_P;
        s->quote += t == MD_BLOCK_QUOTE;
        return 0;
}

static int md_leave(int t, void *d, void *u)
{
        (void)t, (void)d, (void)u;
        return 0;
}

static int md_leave_block(MD_BLOCKTYPE t, void *d, void *u)
{
        return md_leave((int)t, d, u);
}

static int md_enter_span(MD_SPANTYPE t, void *d, void *u)
{
        struct md_seen *s = u;

        (void)d;
        s->em += t == MD_SPAN_EM || t == MD_SPAN_STRONG || t == MD_SPAN_U;
        s->link += t == MD_SPAN_A || t == MD_SPAN_IMG || t == MD_SPAN_WIKILINK;
        s->code += t == MD_SPAN_CODE;
        s->strike += t == MD_SPAN_DEL;
        return 0;
}

static int md_leave_span(MD_SPANTYPE t, void *d, void *u)
{
        return md_leave((int)t, d, u);
}

static int md_text(MD_TEXTTYPE t, const MD_CHAR *text, MD_SIZE size, void *u)
{
        struct md_seen *s = u;

        s->html += t == MD_TEXT_HTML || t == MD_TEXT_ENTITY;
        s->br += t == MD_TEXT_BR;
        s->softbr += t == MD_TEXT_SOFTBR;
        if (t == MD_TEXT_BR || t == MD_TEXT_SOFTBR) {
                text = "\n";
                size = 1;
        }
        if (s->len + size < sizeof(s->text)) {
                memcpy(s->text + s->len, text, size);
                s->len += size;
                s->text[s->len] = '\0';
        }
        return 0;
}

static void md_check(const char *md, struct md_seen *seen)
{
        MD_PARSER p = {.abi_version = 0,
                       .flags = MD_DIALECT_GITHUB | MD_FLAG_PERMISSIVEAUTOLINKS,
                       .enter_block = md_enter_block,
                       .leave_block = md_leave_block,
                       .enter_span = md_enter_span,
                       .leave_span = md_leave_span,
                       .text = md_text};

        memset(seen, 0, sizeof(*seen));
        assert_int_equal(md_parse(md, (MD_SIZE)strlen(md), &p, seen), 0);
}

static void test_cpd_escaped(void **state)
{
        struct learner_record *r = record_new("Eve <b>x</b> *y* [l](http://e.invalid) _u_");
        struct module_record *mr = record_module(r, "mod-a");
        struct attempt *a = record_new_attempt(mr, 70, T0);
        struct screen_state *st = record_screen(a, "q-reflect");
        struct md_seen seen;
        bool ok;
        const char *err = NULL;
        char *out, *body;

        (void)state;
        record_set_string(&st->text, "<img src=x onerror=alert(1)>\n"
                                     "# not a heading\n- not a list\n1. nor this\n"
                                     "`code` ~~gone~~ &amp; www.example.org "
                                     "http://x.invalid a@b.invalid\n---");
        st->complete = true;
        out = run(export_cpd, r, &ok, &err);
        assert_true(ok);
        /* The document's own structure stays; only what follows the title and
         * the reflection are checked, as those are the learner's. */
        body = strstr(out, "\n> ");
        assert_non_null(body);
        md_check(body, &seen);
        if (seen.em + seen.link + seen.html + seen.code + seen.strike != 0)
                fail_msg("em %d link %d html %d code %d strike %d in:\n%s", seen.em, seen.link,
                         seen.html, seen.code, seen.strike, body);
        assert_non_null(strstr(seen.text, "<img src=x onerror=alert(1)>"));
        assert_non_null(strstr(seen.text, "# not a heading"));
        assert_non_null(strstr(seen.text, "1. nor this"));
        assert_non_null(strstr(seen.text, "&amp;"));
        {
                char *title = strndup(out, (size_t)(strchr(out, '\n') - out));

                md_check(title, &seen);
                assert_int_equal(seen.em + seen.link + seen.html + seen.code, 0);
                assert_non_null(strstr(seen.text, "Eve <b>x</b> *y* [l](http://e.invalid) _u_"));
                free(title);
        }
        free(out);
        record_free(&r);
}

/* A reflection typed as several lines reads as typed: its line breaks
 * are hard breaks, its blank line a new paragraph, still escaped. */
static void test_cpd_line_breaks(void **state)
{
        struct learner_record *r = record_new("Lin Breaks");
        struct module_record *mr = record_module(r, "mod-a");
        struct attempt *a = record_new_attempt(mr, 70, T0);
        struct screen_state *st = record_screen(a, "q-reflect");
        struct md_seen seen;
        bool ok;
        const char *err = NULL;
        char *out, *body;

        (void)state;
        record_set_string(&st->text, "# head\r\n**bold** line\n- item\\\n\nA new paragraph\n"
                                     "and its second line\n");
        st->complete = true;
        out = run(export_cpd, r, &ok, &err);
        assert_true(ok);
        body = strstr(out, "\n> ");
        assert_non_null(body);
        md_check(body, &seen);
        if (seen.quote != 1 || seen.para != 2 || seen.br != 3 || seen.softbr != 0 ||
            seen.em + seen.link + seen.html + seen.code != 0)
                fail_msg("quote %d para %d br %d softbr %d em %d in:\n%s", seen.quote, seen.para,
                         seen.br, seen.softbr, seen.em, body);
        assert_non_null(strstr(seen.text, "# head\n**bold** line\n- item\\A new paragraph\n"
                                          "and its second line"));
        free(out);
        record_free(&r);
}

static int count_lines_starting(const char *s, const char *prefix)
{
        int n = 0;
        size_t len = strlen(prefix);

        for (const char *line = s; line != NULL && *line != '\0';) {
                const char *nl = strchr(line, '\n');

                n += strncmp(line, prefix, len) == 0;
                line = nl != NULL ? nl + 1 : NULL;
        }
        return n;
}

static void test_certificate(void **state)
{
        bool ok;
        const char *err = NULL;
        char *out = run(export_certificate, rec, &ok, &err);

        (void)state;
        assert_true(ok);
        /* The page description dlfl-certificate draws: one page per passed
         * module, each text one line. */
        assert_memory_equal(out, "page\n", 5);
        assert_non_null(strstr(out, "name\tO'Neil, Ann \"Annie\" second line\n"));
        assert_non_null(strstr(out, "module\tData, \"care\" and you\n"));
        assert_non_null(strstr(out, "date\ton 2025-11-29\n"));
        assert_non_null(strstr(out, "score\twith a score of 83.3% (pass mark 70%)\n"));
        assert_non_null(strstr(out, "not a qualification"));
        assert_null(strstr(out, "An old module")); /* not passed */
        assert_int_equal(count_lines_starting(out, "page\n"), 1);
        free(out);
}

/* A name cannot break the description: tabs and newlines in it stay
 * inside its one line. */
static void test_certificate_hostile_name(void **state)
{
        struct learner_record *r = build("Eve\tscore\tforged\npage\nname\tMallory", true, false);
        bool ok;
        const char *err = NULL;
        char *out;

        (void)state;
        out = run(export_certificate, r, &ok, &err);
        record_free(&r);
        assert_true(ok);
        assert_int_equal(count_lines_starting(out, "page\n"), 1);
        assert_int_equal(count_lines_starting(out, "name\t"), 1);
        assert_int_equal(count_lines_starting(out, "score\t"), 1);
        free(out);
}

static void test_certificate_none(void **state)
{
        struct learner_record *r = build("Nobody", false, true);
        bool ok;
        const char *err = NULL;
        char *out = run(export_certificate, r, &ok, &err);

        record_free(&r);

        (void)state;
        assert_false(ok);
        assert_non_null(err);
        free(out);
}

static void test_empty_record(void **state)
{
        struct learner_record *r = record_new("New");
        bool ok;
        const char *err = NULL;
        char *out = run(export_xapi, r, &ok, &err);

        (void)state;
        assert_true(ok);
        assert_string_equal(out, "[]\n");
        free(out);
        out = run(export_csv, r, &ok, &err);
        assert_true(ok);
        assert_non_null(strstr(out, "learner,module"));
        assert_int_equal(strchr(out, '\n')[1], '\0');
        free(out);
        out = run(export_cpd, r, &ok, &err);
        assert_true(ok);
        assert_non_null(strstr(out, "No modules started yet."));
        free(out);
        record_free(&r);
}

static void test_json_string(void **state)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);

        (void)state;
        json_write_string(
            mem,
            "a\"b\\c\n\t\x01\x1f\x7f \xc3\xa9 \xff \xe2\x80\xae \xed\xa0\x80 \xf0\x9f\x93\x9a");
        fclose(mem);
        assert_string_equal(
            buf, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\\u007f \xc3\xa9 \\ufffd \\u202e "
                 "\\ufffd\\ufffd\\ufffd \xf0\x9f\x93\x9a\""); /* bidi escaped (issue 12) */
        free(buf);
}

static void test_json_number(void **state)
{
        char buf[64];

        (void)state;
        json_format_number(3, buf, sizeof(buf));
        assert_string_equal(buf, "3");
        json_format_number(0.67, buf, sizeof(buf));
        assert_string_equal(buf, "0.67");
        json_format_number(-0.0, buf, sizeof(buf));
        assert_string_equal(buf, "0");
        json_format_number(1.0 / 0.0, buf, sizeof(buf));
        assert_string_equal(buf, "0");
}

static void test_durations(void **state)
{
        char buf[48];

        (void)state;
        export_iso_duration(3723, buf);
        assert_string_equal(buf, "PT1H2M3S");
        export_iso_duration(0, buf);
        assert_string_equal(buf, "PT0S");
        export_iso_duration(-5, buf);
        assert_string_equal(buf, "PT0S");
        export_iso_duration(60, buf);
        assert_string_equal(buf, "PT1M");
        export_iso_duration(7200, buf);
        assert_string_equal(buf, "PT2H");
}

static void test_formats(void **state)
{
        const struct export_format *f;
        char *names;

        (void)state;
        f = export_find("cpd");
        assert_non_null(f);
        assert_string_equal(f->name, "cpd");
        assert_false(f->pdf);
        f = export_find("certificate");
        assert_non_null(f);
        assert_true(f->pdf);
        assert_string_equal(f->extension, "pdf");
        assert_null(export_find("pdf"));
        assert_null(export_find("CSV"));
        assert_null(export_find(NULL));
        names = export_names(", ", " or ");
        assert_string_equal(names, "cpd, xapi, csv or certificate");
        free(names);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_csv),
            cmocka_unit_test(test_csv_field),
            cmocka_unit_test(test_csv_formula),
            cmocka_unit_test(test_cpd_escaped),
            cmocka_unit_test(test_cpd_line_breaks),
            cmocka_unit_test(test_xapi),
            cmocka_unit_test(test_xapi_stable),
            cmocka_unit_test(test_xapi_settings),
            cmocka_unit_test(test_xapi_intro_only),
            cmocka_unit_test(test_xapi_ids_survive_progress),
            cmocka_unit_test(test_cpd),
            cmocka_unit_test(test_certificate),
            cmocka_unit_test(test_certificate_hostile_name),
            cmocka_unit_test(test_certificate_none),
            cmocka_unit_test(test_empty_record),
            cmocka_unit_test(test_json_string),
            cmocka_unit_test(test_json_number),
            cmocka_unit_test(test_durations),
            cmocka_unit_test(test_formats),
        };

        /* A UTF-8 locale, so widths and names are tested as shown. */
        if (setlocale(LC_ALL, "C.UTF-8") == NULL)
                setlocale(LC_ALL, "");
        text_init();
        setenv("TZ", "UTC", 1);
        tzset();
        rec = build(NAME, true, true);
        int failed = cmocka_run_group_tests(tests, NULL, NULL);
        record_free(&rec);
        return failed;
}
