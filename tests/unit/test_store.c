/* The record file format: names and file keys, the YAML round trip of every
 * field, unknown keys, bad and truncated YAML, times and refused values. */
#include "store_cases.h"

static void test_name_rules(void **state)
{
        static const char *const good[] = {
            "Ann",     "Zoë",           "ZOË",    "../x",    "/etc/x", ".",   "..",
            ".hidden", "O'Brien-Smith", "李小龍", "😀 emoji", "a b",    "%41", "+abc",
        };
        char sixty_four[65 * 4], sixty_five[66];

        (void)state;
        for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
                assert_null(store_name_problem(good[i]));
        memset(sixty_five, 'a', 65);
        sixty_five[65] = '\0';
        assert_non_null(store_name_problem(sixty_five));
        sixty_five[64] = '\0';
        assert_null(store_name_problem(sixty_five));
        /* 64 characters of four bytes each is still 64 characters. */
        sixty_four[0] = '\0';
        for (int i = 0; i < 64; i++)
                strcat(sixty_four, "😀");
        assert_null(store_name_problem(sixty_four));
        strcat(sixty_four, "x");
        assert_non_null(store_name_problem(sixty_four));

        assert_non_null(store_name_problem(""));
        assert_non_null(store_name_problem(NULL));
        assert_non_null(store_name_problem("   "));
        assert_non_null(store_name_problem("tab\there"));
        assert_non_null(store_name_problem("new\nline"));
        assert_non_null(store_name_problem("esc\x1b[2J"));
        assert_non_null(store_name_problem("del\x7f"));
        assert_non_null(store_name_problem("c1\xc2\x9b"));
        assert_non_null(store_name_problem("bidi\xe2\x80\xae"));
        assert_non_null(store_name_problem("bad\xff"));
        assert_non_null(store_name_problem("overlong\xc0\xaf"));
        assert_non_null(store_name_problem("surrogate\xed\xa0\x80"));
        assert_non_null(store_name_problem("cut\xe2\x82"));
}

static void test_name_keys(void **state)
{
        static const char *const names[] = {
            "Ann", "ann",     "ANN", "Zoë",  "ZOË", "zoë", "../x", "/etc/x", ".",      "..",
            "...", ".hidden", "a/b", "a\\b", "%41", "A",   "+abc", "😀",      "x.yaml", "x.lock",
        };
        size_t n = sizeof(names) / sizeof(names[0]);
        char *keys[sizeof(names) / sizeof(names[0])];
        char long_name[64 * 4 + 1] = "";

        (void)state;
        for (size_t i = 0; i < n; i++) {
                keys[i] = store_name_key(names[i]);
                assert_true(strlen(keys[i]) > 0 && strlen(keys[i]) <= STORE_KEY_MAX);
                assert_int_equal(strspn(keys[i], "abcdefghijklmnopqrstuvwxyz0123456789_-%"),
                                 strlen(keys[i]));
                char *back = store_key_name(keys[i]);

                assert_non_null(back);
                assert_string_equal(back, names[i]);
                free(back);
                for (size_t j = 0; j < i; j++)
                        assert_string_not_equal(keys[i], keys[j]);
        }
        for (size_t i = 0; i < n; i++)
                free(keys[i]);

        /* Only the canonical spelling decodes: one file per learner. */
        assert_null(store_key_name("%61nn"));
        assert_null(store_key_name("%5A"));
        assert_null(store_key_name("Ann"));
        assert_null(store_key_name("a.b"));
        assert_null(store_key_name("%2"));
        assert_null(store_key_name("%00"));
        assert_null(store_key_name(""));

        /* Long names are hashed, still distinct, still within NAME_MAX. */
        for (int i = 0; i < 64; i++)
                strcat(long_name, "😀");
        char *k1 = store_name_key(long_name);

        long_name[0] = 'x';
        memmove(long_name + 1, long_name + 4, strlen(long_name + 4) + 1);
        char *k2 = store_name_key(long_name);

        assert_int_equal(k1[0], '+');
        assert_int_equal(strlen(k1), 65);
        assert_string_not_equal(k1, k2);
        assert_null(store_key_name(k1));
        free(k1);
        free(k2);
}

static void test_yaml_round_trip(void **state)
{
        (void)state;
        for (unsigned long seed = 0; seed < 40; seed++) {
                struct learner_record *r = fixture_record("Zoë", seed, 3, 12), *back;
                const char *err = NULL;
                size_t len, len2;
                char *why = NULL;
                char *buf = store_yaml_emit(r, &len, &err), *buf2;

                assert_non_null(buf);
                assert_int_equal(strlen(buf), len);
                assert_non_null(strstr(buf, "dlfl-record: 1\n"));
                back = store_yaml_parse(buf, len, &why);
                if (back == NULL)
                        fail_msg("seed %lu: %s\n%s", seed, why, buf);
                assert_same(r, back);
                /* Writing what was read gives the same bytes. */
                buf2 = store_yaml_emit(back, &len2, &err);
                assert_int_equal(len, len2);
                assert_memory_equal(buf, buf2, len);
                free(buf);
                free(buf2);
                record_free(&r);
                record_free(&back);
        }
}

static void test_empty_record(void **state)
{
        struct learner_record *r = record_new("x"), *back;
        const char *err = NULL;
        char *why = NULL;
        size_t len;
        char *buf;

        (void)state;
        buf = store_yaml_emit(r, &len, &err);
        assert_non_null(buf);
        back = store_yaml_parse(buf, len, &why);
        assert_non_null(back);
        assert_same(r, back);
        free(buf);
        record_free(&r);
        record_free(&back);
}

static void test_unknown_keys(void **state)
{
        static const char text[] = "# written by a newer dlfl\n"
                                   "dlfl-record: 7\n"
                                   "name: Ann\n"
                                   "future: {a: [1, 2, {b: c}]}\n"
                                   "created: 2026-11-29T08:05:02Z\n"
                                   "modules:\n"
                                   "  - id: m1\n"
                                   "    colour: blue\n"
                                   "    attempts:\n"
                                   "      - started: 2026-11-29T09:00:00+01:00\n"
                                   "        mood: [happy, {very: yes}]\n"
                                   "        position: {section: s1, screen: q2, line: 4}\n"
                                   "        screens:\n"
                                   "          - id: gone\n"
                                   "            seen: true\n"
                                   "            response: '1,3'\n"
                                   "            sparkle: !!str 12\n"
                                   "            rating: 2\n"
                                   "  - id: retired-module\n"
                                   "extra: last\n"
                                   "---\n"
                                   "another: document\n";
        char *why = NULL;
        struct learner_record *r = store_yaml_parse(text, strlen(text), &why);

        (void)state;
        if (r == NULL)
                fail_msg("%s", why);
        assert_string_equal(r->name, "Ann");
        assert_int_equal(r->created, 1795939502);
        assert_int_equal(r->nmodules, 2);
        assert_string_equal(r->modules[0].module, "m1");
        assert_int_equal(r->modules[0].nattempts, 1);
        assert_int_equal(r->modules[0].attempts[0].started, 1795939200);
        assert_string_equal(r->modules[0].attempts[0].section, "s1");
        assert_string_equal(r->modules[0].attempts[0].screen, "q2");
        assert_int_equal(r->modules[0].attempts[0].nscreens, 1);
        assert_string_equal(r->modules[0].attempts[0].screens[0].id, "gone");
        assert_string_equal(r->modules[0].attempts[0].screens[0].response, "1,3");
        assert_int_equal(r->modules[0].attempts[0].screens[0].rating, 2);
        assert_true(r->modules[0].attempts[0].screens[0].seen);
        assert_string_equal(r->modules[1].module, "retired-module");
        assert_int_equal(r->modules[1].nattempts, 0);
        record_free(&r);
}

static void test_bad_yaml(void **state)
{
        static const char *const bad[] = {
            "",
            "# only a comment\n",
            "just a string\n",
            "- a list\n",
            "name: Ann\nmodules: []\n",      /* no dlfl-record */
            "dlfl-record: 1\nmodules: []\n", /* no name */
            "dlfl-record: 1\nname: [a]\n",
            "dlfl-record: 0\nname: Ann\n",
            "dlfl-record: 1\nname: Ann\nmodules: {a: b}\n",
            "dlfl-record: 1\nname: Ann\nmodules:\n  - title: no id\n",
            "dlfl-record: 1\nname: Ann\nmodules:\n  - id: m\n    attempts:\n      - seconds: "
            "lots\n",
            "dlfl-record: 1\nname: Ann\ncreated: yesterday\n",
            "dlfl-record: 1\nname: &a Ann\nother: *a\n",
            "dlfl-record: 1\nname: Ann\nmodules:\n  - id: m\n    attempts: [",
            "dlfl-record: 1\nname: 'Ann\n",
            "dlfl-record: 1\nname: Ann\nmodules:\n  - id: m\n  bad indent: x\n",
            "dlfl-record: 1\nname: Ann\nx: " /* deep nesting */
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
            "]]"
            "]]]]]]]]]]]]]]]]]]]]]\n",
        };

        (void)state;
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                char *why = NULL;
                struct learner_record *r = store_yaml_parse(bad[i], strlen(bad[i]), &why);

                if (r != NULL)
                        fail_msg("case %zu parsed: %s", i, bad[i]);
                assert_non_null(why);
                free(why);
        }
}

static void test_truncated_records(void **state)
{
        struct learner_record *r = fixture_record("Ann", 5, 2, 6);
        const char *err = NULL;
        size_t len;
        char *buf = store_yaml_emit(r, &len, &err);

        (void)state;
        /* A record cut anywhere either fails to parse or, cut at a line end,
         * must never be taken for the whole when it lost an attempt's end. */
        for (size_t cut = 0; cut < len; cut += 7) {
                char *why = NULL;
                struct learner_record *back = store_yaml_parse(buf, cut, &why);

                record_free(&back);
                free(why);
        }
        free(buf);
        record_free(&r);
}

static void test_time_formats(void **state)
{
        struct learner_record *r;
        char *why = NULL;
        static const char text[] = "dlfl-record: 1\nname: A\ncreated: 1970-01-02T00:00:01Z\n"
                                   "modules:\n  - id: m\n    attempts:\n"
                                   "      - started: 2000-03-01T00:00:00Z\n"
                                   "        updated: 2000-02-29T23:00:00-01:00\n"
                                   "        completed: 86400\n";

        (void)state;
        r = store_yaml_parse(text, strlen(text), &why);
        if (r == NULL)
                fail_msg("%s", why);
        assert_int_equal(r->created, 86401);
        assert_int_equal(r->modules[0].attempts[0].started, 951868800);
        assert_int_equal(r->modules[0].attempts[0].updated, 951868800);
        assert_int_equal(r->modules[0].attempts[0].completed, 86400);
        record_free(&r);
}

/* Issue 12: every number is range-checked on load (a clear message naming
 * the key), a NUL is refused without a leak, and a year before 1970 (which
 * would be written back as "469-...") is refused rather than read. */
static void test_refused_values(void **state)
{
        static const struct {
                const char *text, *why;
        } cases[] = {
            {"dlfl-record: 1\nname: A\ncreated: 0469-11-29T18:35:32Z\n", "time from 1970"},
            {"dlfl-record: 1\nname: A\ncreated: -5\n", "time from 1970"},
            {"dlfl-record: 1\nname: A\ncreated: 99999999999999\n", "time from 1970"},
            {"dlfl-record: 1\nname: \"a\\0b\"\n", "NUL"},
            {"dlfl-record: 1\nname: A\nmodules:\n  - id: m\n    attempts:\n"
             "      - started: 2026-01-01T00:00:00Z\n        seconds: 1e23\n",
             "'seconds' must be from 0 to"},
            {"dlfl-record: 1\nname: A\nmodules:\n  - id: m\n    attempts:\n"
             "      - pass-mark: 100000\n",
             "'pass-mark' must be from 0 to 100"},
            {"dlfl-record: 1\nname: A\nmodules:\n  - id: m\n    attempts:\n"
             "      - earned: 0x10\n",
             "expected a number"},
            {"dlfl-record: 1\nname: A\nmodules:\n  - id: m\n    attempts:\n"
             "      - screens:\n          - id: q\n            attempts: -3\n",
             "'attempts' must be from 0 to"},
            {"dlfl-record: 1\nname: A\nmodules:\n  - id: m\n    attempts:\n"
             "      - screens:\n          - id: q\n            rating: 99999999\n",
             "'rating' must be from -1 to"},
            {"dlfl-record: 0\nname: A\n", "'dlfl-record' must be from 1"},
        };

        (void)state;
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
                char *why = NULL;
                struct learner_record *r =
                    store_yaml_parse(cases[i].text, strlen(cases[i].text), &why);

                if (r != NULL)
                        fail_msg("case %zu was read: %s", i, cases[i].text);
                if (why == NULL || strstr(why, cases[i].why) == NULL)
                        fail_msg("case %zu: '%s' does not say '%s'", i, why ? why : "(none)",
                                 cases[i].why);
                free(why);
        }
}

/* What is written reads back and is written again the same: the
 * regressions the record fuzzer (tests/fuzz/fuzz_record.c) looks for. */
static void test_emit_fixed_point(void **state)
{
        static const char *const texts[] = {
            "dlfl-record: 1\nname: A\ncreated: 1970-01-01T00:00:00Z\n",
            "dlfl-record: 1\nname: A\ncreated: 1000\n",
            "dlfl-record: 1\nname: \"a\\rb\\u2028c\\x85d\\u2029\\n\"\n",
            "dlfl-record: 1\nname: \"\\n\\n x\\r\\n\"\n",
            "dlfl-record: 1\nname: \"~\"\nmodules:\n  - id: \"1\"\n    attempts:\n"
            "      - seconds: 0.1\n        earned: -0\n        screens:\n"
            "          - id: q\n            points: 1e-300\n            path: [\"\", \"null\"]\n",
            "dlfl-record: 1\nname: A\ncreated: 9999-12-31T23:59:59Z\nmodules:\n  - id: m\n"
            "    attempts:\n      - started: 2026-02-31T24:00:00+14:00\n",
        };

        (void)state;
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
                char *why = NULL;
                const char *err = NULL;
                size_t n1, n2;
                struct learner_record *r = store_yaml_parse(texts[i], strlen(texts[i]), &why);
                char *once, *twice;

                if (r == NULL) {
                        /* refusing is allowed; reading and writing back wrongly is not */
                        free(why);
                        continue;
                }
                once = store_yaml_emit(r, &n1, &err);
                assert_non_null(once);
                record_free(&r);
                r = store_yaml_parse(once, n1, &why);
                if (r == NULL)
                        fail_msg("case %zu written as\n%s\ndoes not read back: %s", i, once, why);
                twice = store_yaml_emit(r, &n2, &err);
                assert_non_null(twice);
                assert_string_equal(once, twice);
                record_free(&r);
                free(once);
                free(twice);
        }
}

static void test_invalid_utf8_saved(void **state)
{
        struct learner_record *r = fixture_record("Ann", 1, 1, 1), *back;
        const char *err = NULL;
        char *why = NULL, *buf;
        size_t len;

        (void)state;
        free(r->modules[0].attempts[0].screens[0].text);
        r->modules[0].attempts[0].screens[0].text = xstrdup("caf\xe9 latin-1");
        buf = store_yaml_emit(r, &len, &err);
        assert_non_null(buf);
        back = store_yaml_parse(buf, len, &why);
        assert_non_null(back);
        assert_string_equal(back->modules[0].attempts[0].screens[0].text,
                            "caf\xef\xbf\xbd latin-1");
        free(buf);
        record_free(&r);
        record_free(&back);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_name_rules),         cmocka_unit_test(test_name_keys),
            cmocka_unit_test(test_yaml_round_trip),    cmocka_unit_test(test_empty_record),
            cmocka_unit_test(test_unknown_keys),       cmocka_unit_test(test_bad_yaml),
            cmocka_unit_test(test_truncated_records),  cmocka_unit_test(test_time_formats),
            cmocka_unit_test(test_invalid_utf8_saved), cmocka_unit_test(test_refused_values),
            cmocka_unit_test(test_emit_fixed_point),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
