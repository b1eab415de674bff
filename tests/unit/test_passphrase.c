/* Passphrases at the library level: set, wrong, right, changed, removed,
 * and the slow-down after wrong entries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dlfl/passphrase.h"

static void test_none_set_opens(void **state)
{
        struct learner_record r = {0};

        (void)state;
        assert_false(passphrase_is_set(&r));
        assert_true(passphrase_check(&r, NULL));
        assert_true(passphrase_check(&r, "anything"));
}

static void test_set_wrong_right(void **state)
{
        struct learner_record r = {0};
        const char *err = NULL;

        (void)state;
        assert_true(passphrase_set(&r, "correct horse battery", &err));
        assert_true(passphrase_is_set(&r));
        /* Only a hash is kept, never the passphrase. */
        assert_null(strstr(r.passphrase, "correct horse"));
        assert_true(strncmp(r.passphrase, "$argon2id$", 10) == 0);
        assert_false(passphrase_check(&r, "wrong"));
        assert_false(passphrase_check(&r, NULL));
        assert_false(passphrase_check(&r, ""));
        assert_false(passphrase_check(&r, "correct horse batter"));
        assert_true(passphrase_check(&r, "correct horse battery"));
        assert_false(passphrase_needs_rehash(r.passphrase));
        free(r.passphrase);
}

static void test_salted(void **state)
{
        char *a = passphrase_hash("same words");
        char *b = passphrase_hash("same words");

        (void)state;
        assert_non_null(a);
        assert_non_null(b);
        assert_string_not_equal(a, b);
        assert_true(passphrase_verify(a, "same words"));
        assert_true(passphrase_verify(b, "same words"));
        free(a);
        free(b);
}

static void test_change(void **state)
{
        struct learner_record r = {0};
        const char *err = NULL;
        char *before;

        (void)state;
        assert_true(passphrase_set(&r, "first one", &err));
        before = strdup(r.passphrase);
        err = NULL;
        assert_false(passphrase_change(&r, "not it", "second one", &err));
        assert_non_null(err);
        assert_string_equal(r.passphrase, before); /* unchanged */
        err = NULL;
        assert_false(passphrase_change(&r, "first one", "", &err));
        assert_non_null(err);
        assert_string_equal(r.passphrase, before);
        assert_true(passphrase_change(&r, "first one", "second one", &err));
        assert_false(passphrase_check(&r, "first one"));
        assert_true(passphrase_check(&r, "second one"));
        free(before);
        free(r.passphrase);
}

static void test_remove(void **state)
{
        struct learner_record r = {0};
        const char *err = NULL;

        (void)state;
        assert_true(passphrase_set(&r, "to be removed", &err));
        assert_false(passphrase_remove(&r, "guess", &err));
        assert_true(passphrase_is_set(&r));
        assert_true(passphrase_remove(&r, "to be removed", &err));
        assert_false(passphrase_is_set(&r));
        assert_null(r.passphrase);
        assert_true(passphrase_check(&r, NULL));
}

static void test_refused(void **state)
{
        struct learner_record r = {0};
        const char *err = NULL;
        char *long_pass = malloc(PASSPHRASE_MAX_BYTES + 2);

        (void)state;
        assert_false(passphrase_set(&r, "", &err));
        assert_non_null(err);
        assert_false(passphrase_set(&r, NULL, &err));
        memset(long_pass, 'x', PASSPHRASE_MAX_BYTES + 1);
        long_pass[PASSPHRASE_MAX_BYTES + 1] = '\0';
        assert_false(passphrase_set(&r, long_pass, &err));
        assert_null(r.passphrase);
        assert_null(passphrase_hash(""));
        free(long_pass);
}

static void test_unicode(void **state)
{
        char *h = passphrase_hash("m\xc3\xb6nchengladbach \xf0\x9f\x93\x9a");

        (void)state;
        assert_non_null(h);
        assert_true(passphrase_verify(h, "m\xc3\xb6nchengladbach \xf0\x9f\x93\x9a"));
        assert_false(passphrase_verify(h, "monchengladbach \xf0\x9f\x93\x9a"));
        free(h);
}

static void test_damaged_hash(void **state)
{
        struct learner_record r = {0};
        char junk[300];
        char not_hash[] = "not a hash";

        (void)state;
        r.passphrase = not_hash;
        assert_false(passphrase_check(&r, "not a hash"));
        assert_false(passphrase_check(&r, ""));
        assert_true(passphrase_needs_rehash(r.passphrase));
        memset(junk, '$', sizeof(junk) - 1);
        junk[sizeof(junk) - 1] = '\0';
        r.passphrase = junk;
        assert_false(passphrase_check(&r, "x"));
}

static void test_delay(void **state)
{
        (void)state;
        assert_int_equal(passphrase_delay(0), 0);
        assert_int_equal(passphrase_delay(1), 1);
        assert_int_equal(passphrase_delay(2), 2);
        assert_int_equal(passphrase_delay(3), 4);
        assert_int_equal(passphrase_delay(4), 8);
        assert_int_equal(passphrase_delay(5), 16);
        assert_int_equal(passphrase_delay(6), PASSPHRASE_MAX_DELAY);
        assert_int_equal(passphrase_delay(100), PASSPHRASE_MAX_DELAY);
        assert_int_equal(passphrase_delay(UINT32_MAX), PASSPHRASE_MAX_DELAY);
}

static void test_wipe(void **state)
{
        char buf[16] = "secret words";

        (void)state;
        passphrase_wipe(buf, sizeof(buf));
        for (size_t i = 0; i < sizeof(buf); i++)
                assert_int_equal(buf[i], 0);
        passphrase_wipe(NULL, 4);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_none_set_opens), cmocka_unit_test(test_set_wrong_right),
            cmocka_unit_test(test_salted),         cmocka_unit_test(test_change),
            cmocka_unit_test(test_remove),         cmocka_unit_test(test_refused),
            cmocka_unit_test(test_unicode),        cmocka_unit_test(test_damaged_hash),
            cmocka_unit_test(test_delay),          cmocka_unit_test(test_wipe),
        };

        assert_true(passphrase_init());
        return cmocka_run_group_tests(tests, NULL, NULL);
}
