/* Exports: CSV and xAPI statements from a hand-built record, checked field by
 * field (and with jq where it is installed). */
#include "export_cases.h"

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
                       "select(.object.id | contains(\"/mod-a/\")) | "
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
        /* A module no longer installed: its statements from the record
         * alone (the reflection is known by its text, and stays here). */
        jq_check(file,
                 "[.[] | select(.object.id == \"https://dlfl.invalid/modules/gone-module\")] | "
                 "length == 1 and .[0].verb.id == \"http://adlnet.gov/expapi/verbs/attempted\"");
        jq_check(
            file,
            "[.[] | select(.object.id | "
            "startswith(\"https://dlfl.invalid/modules/gone-module/\"))] "
            "| length == 1 and .[0].verb.id == \"http://adlnet.gov/expapi/verbs/answered\" and "
            ".[0].object.id == \"https://dlfl.invalid/modules/gone-module/screens/old-q\" and "
            ".[0].object.definition.name[\"en-GB\"] == \"old-q\" and "
            ".[0].object.definition.interactionType == \"long-fill-in\" and "
            "(.[0].result | has(\"response\") | not) and "
            ".[0].context.contextActivities.parent[0].id == "
            "\"https://dlfl.invalid/modules/gone-module\"");
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

/* Without the module (`dlfl sync` run without the player's modules) a
 * record still gives every statement, each with the id the module would
 * give it, so nothing goes unsent and nothing is sent twice. */
static void test_xapi_without_module(void **state)
{
        struct catalog none = {0};
        struct ids with = {0}, without = {0};

        (void)state;
        export_xapi_each(&cat, rec, NULL, T0, collect_id, &with);
        export_xapi_each(&none, rec, NULL, T0, collect_id, &without);
        assert_true(with.n > 10);
        assert_int_equal(without.n, with.n);
        for (size_t i = 0; i < with.n; i++)
                assert_true(has_id(&without, with.id[i]));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_csv),
            cmocka_unit_test(test_csv_field),
            cmocka_unit_test(test_csv_formula),
            cmocka_unit_test(test_xapi),
            cmocka_unit_test(test_xapi_stable),
            cmocka_unit_test(test_xapi_settings),
            cmocka_unit_test(test_xapi_intro_only),
            cmocka_unit_test(test_xapi_ids_survive_progress),
            cmocka_unit_test(test_xapi_without_module),
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
