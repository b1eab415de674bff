/* Records written by hand or by an older dlfl keep loading exactly as they
 * did when records had a reader of their own: the record reader is more
 * lenient than the module reader (a second document, duplicate keys, long
 * values, anchors, tags, complex keys, CRLF, byte-order marks) and refuses
 * what it always refused with the same message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dlfl/store.h"
#include "dlfl/xalloc.h"

/* Parses text and writes it back: two texts that give the same bytes were
 * read as the same record. */
static char *read_and_write(const char *text, size_t len)
{
        char *why = NULL;
        const char *err = NULL;
        size_t n;
        struct learner_record *r = store_yaml_parse(text, len, &why);
        char *out;

        if (r == NULL)
                fail_msg("not read: %s\n%s", why, text);
        out = store_yaml_emit(r, &n, &err);
        assert_non_null(out);
        record_free(&r);
        return out;
}

#define PLAIN_A "dlfl-record: 1\nname: A\n"

/* Why the record text, case i of a test, is refused (NULL if no reason
 * is given); a record read fails the test. */
static char *refusal(size_t i, const char *text)
{
        char *why = NULL;
        struct learner_record *r = store_yaml_parse(text, strlen(text), &why);

        if (r != NULL)
                fail_msg("case %zu was read: %s", i, text);
        return why;
}

static void test_lenient_records_read_the_same(void **state)
{
        static const struct {
                const char *what, *text;
                size_t len; /* 0: strlen */
                const char *same_as;
        } cases[] = {
            {"a second document is ignored", PLAIN_A "---\nname: B\n", 0, PLAIN_A},
            {"a broken second document is ignored", PLAIN_A "--- [\n", 0, PLAIN_A},
            {"anything after an explicit end is ignored", PLAIN_A "...\n]]]\n", 0, PLAIN_A},
            {"the first of duplicate keys wins", PLAIN_A "name: B\n", 0, PLAIN_A},
            {"duplicate keys in a module", PLAIN_A "modules:\n  - id: m\n    id: n\n", 0,
             PLAIN_A "modules:\n  - id: m\n"},
            {"anchors are ignored", "dlfl-record: 1\nname: &n A\nx: &m {a: b}\n", 0, PLAIN_A},
            {"core tags are ignored",
             "dlfl-record: !!int 1\nname: !!str A\ncreated: !!timestamp 2026-01-01T00:00:00Z\n"
             "modules: !!seq\n  - !!map {id: !!str m}\n",
             0, PLAIN_A "created: 2026-01-01T00:00:00Z\nmodules: [{id: m}]\n"},
            {"other tags are ignored", "dlfl-record: 1\nname: !local A\nx: !foo bar\n", 0, PLAIN_A},
            {"a tag never makes a value null", "dlfl-record: 1\nname: !!null A\n", 0, PLAIN_A},
            {"a tag never makes a null a value", PLAIN_A "passphrase: !!str ~\n", 0, PLAIN_A},
            {"a tagged yes is true",
             PLAIN_A "modules:\n  - id: m\n    attempts:\n      - complete: !!bool yes\n", 0,
             PLAIN_A "modules:\n  - id: m\n    attempts:\n      - complete: true\n"},
            {"CRLF line ends", "dlfl-record: 1\r\nname: A\r\nmodules:\r\n  - id: m\r\n", 0,
             PLAIN_A "modules:\n  - id: m\n"},
            {"a UTF-8 byte-order mark", "\xef\xbb\xbf" PLAIN_A, 0, PLAIN_A},
            {"UTF-16 with a byte-order mark",
             "\xff\xfe"
             "d\0l\0f\0l\0-\0r\0e\0c\0o\0r\0d\0:\0 \0"
             "1\0\n\0n\0a\0m\0e\0:\0 \0A\0\n\0",
             2 + 2 * 22, PLAIN_A},
            {"a complex key", PLAIN_A "? [a, b]\n: c\n", 0, PLAIN_A},
            {"31 levels of nesting",
             PLAIN_A "x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                     "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
             0, PLAIN_A},
        };

        (void)state;
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
                size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
                char *got = read_and_write(cases[i].text, len);
                char *want = read_and_write(cases[i].same_as, strlen(cases[i].same_as));

                if (strcmp(got, want) != 0)
                        fail_msg("%s: read as\n%s\nnot as\n%s", cases[i].what, got, want);
                free(got);
                free(want);
        }
}

/* A value far over the module format's 1 MiB limit: records have none. */
static void test_long_value(void **state)
{
        static const char head[] = PLAIN_A "modules:\n  - id: m\n    attempts:\n"
                                           "      - screens:\n          - id: q\n"
                                           "            text: ";
        size_t big = 3u << 20, n = sizeof(head) - 1;
        char *text = xmalloc(n + big + 2);
        char *why = NULL;
        struct learner_record *r;

        (void)state;
        memcpy(text, head, n);
        memset(text + n, 'x', big);
        memcpy(text + n + big, "\n", 2);
        r = store_yaml_parse(text, n + big + 1, &why);
        if (r == NULL)
                fail_msg("not read: %s", why);
        assert_int_equal(strlen(r->modules[0].attempts[0].screens[0].text), big);
        record_free(&r);
        free(text);
}

static void test_refused_with_the_same_words(void **state)
{
        static const struct {
                const char *text, *why;
        } cases[] = {
            {"", "the file is empty"},
            {"# only a comment\n", "the file is empty"},
            {"---\n", "line 2: a record must be a mapping"},
            {"~\n", "line 1: a record must be a mapping"},
            {"- a\n", "line 1: a record must be a mapping"},
            {"name: A\n", "line 1: not a dlfl record (no 'dlfl-record' key)"},
            {"dlfl-record: 1\nname: &n Ann\nx: *n\n", "line 3: aliases are not used in records"},
            {"dlfl-record: 1\nname: \"a\\0b\"\n", "line 2: a NUL character in a value"},
            {PLAIN_A "x: \"a\\0b\"\n", "line 3: a NUL character in a value"},
            {PLAIN_A "x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
             "line 3: nested too deeply"},
            {PLAIN_A "created: soon\n",
             "line 3: expected a time from 1970 to 9999 such as 2026-01-31T09:30:00Z"},
            {"dlfl-record: 1\nname: [A]\n", "line 2: expected text"},
        };

        (void)state;
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
                char *why = refusal(i, cases[i].text);

                if (why == NULL || strcmp(why, cases[i].why) != 0)
                        fail_msg("case %zu: '%s', not '%s'", i, why ? why : "(none)", cases[i].why);
                free(why);
        }
}

/* Broken YAML still names the line and says what libyaml found. */
static void test_syntax_errors_name_the_line(void **state)
{
        static const struct {
                const char *text, *line, *what;
        } cases[] = {
            {"dlfl-record: 1\nname: 'Ann\n", "line 3: ", "found unexpected end of stream"},
            {PLAIN_A "modules:\n  - id: m\n  bad indent: x\n",
             "line 5: ", "did not find expected '-' indicator"},
            {"...\n", "line 1: ", "did not find expected node content"},
            {PLAIN_A "---\nx: \xff\n", "line ", "invalid leading UTF-8 octet"},
            {"dlfl-record: 1\nname: A\x01\n", "line ", "control character"},
        };

        (void)state;
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
                char *why = refusal(i, cases[i].text);

                if (why == NULL || strncmp(why, cases[i].line, strlen(cases[i].line)) != 0 ||
                    strstr(why, cases[i].what) == NULL)
                        fail_msg("case %zu: '%s' does not say '%s...%s'", i, why ? why : "(none)",
                                 cases[i].line, cases[i].what);
                free(why);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_lenient_records_read_the_same),
            cmocka_unit_test(test_long_value),
            cmocka_unit_test(test_refused_with_the_same_words),
            cmocka_unit_test(test_syntax_errors_name_the_line),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
