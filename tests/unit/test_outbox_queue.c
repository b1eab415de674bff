/* `dlfl sync`'s first step, outbox_queue_learners(): every statement a
 * learner's record holds is queued once, even for a module the sync was
 * not given (activity from a player with no LRS set); what a queue already
 * holds, in any state, is never queued again; a record that cannot be read
 * is left as it is; a learner in a session keeps their lock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "dlfl/export.h"
#include "dlfl/outbox.h"
#include "dlfl/record.h"
#include "dlfl/settings.h"
#include "dlfl/store.h"
#include "dlfl/xalloc.h"

#define T0 ((time_t)1764403200)

static char tmpdir[256];
static char *dir;
static struct store *st;
static struct settings set;
static const struct catalog none = {0};

static int setup(void **state)
{
        const char *err = NULL;

        (void)state;
        strcpy(tmpdir, "/tmp/dlfl-outq-XXXXXX");
        if (mkdtemp(tmpdir) == NULL)
                return -1;
        dir = xasprintf("%s/data", tmpdir);
        st = store_open(dir, &err);
        settings_defaults(&set);
        return st != NULL ? 0 : -1;
}

static int teardown(void **state)
{
        char *cmd = xasprintf("rm -rf '%s'", tmpdir);
        int rc = system(cmd);

        (void)state;
        free(cmd);
        store_close(&st);
        settings_free(&set);
        free(dir);
        return rc == 0 ? 0 : -1;
}

/* A learner who read a lesson and answered a question of module mod-x,
 * saved as the player saves (the handle is left open when keep). */
static struct store_handle *learner(const char *name, bool keep)
{
        const char *err = NULL;
        char *notice = NULL;
        struct store_handle *h = store_open_learner(st, name, &err, &notice);
        struct attempt *a;
        struct screen_state *s;

        assert_non_null(h);
        a = record_new_attempt(record_module(store_record(h), "mod-x"), 70, T0);
        s = record_screen(a, "intro");
        s->seen = s->complete = true;
        s->when = T0 + 10;
        s = record_screen(a, "q1");
        s->seen = s->complete = s->settled = s->correct = true;
        s->attempts = 1;
        s->points = 1;
        record_set_string(&s->response, "2");
        s->when = T0 + 20;
        assert_true(store_save(h, &err));
        if (!keep)
                store_close_learner(&h);
        return h;
}

/* Runs the queueing over every learner; what it reported goes to *said. */
static bool queue_all(size_t *queued, char **said)
{
        const char *err = NULL;
        size_t n, len = 0;
        char **names = store_list(st, &n, &err);
        FILE *report;
        bool ok;

        assert_non_null(names);
        *said = NULL;
        report = open_memstream(said, &len);
        assert_non_null(report);
        ok = outbox_queue_learners(st, names, n, &none, &set, report, queued);
        assert_int_equal(fclose(report), 0);
        store_names_free(names, n);
        return ok;
}

struct ids {
        char id[16][37];
        size_t n;
};

static void collect(void *ctx, const char *id, const char *json, size_t len)
{
        struct ids *ids = ctx;

        (void)json;
        (void)len;
        if (ids->n < 16)
                memcpy(ids->id[ids->n++], id, 37);
}

/* The ids the learner's record gives, and the queue's entries. */
static void expected(const char *name, struct ids *ids)
{
        const char *err = NULL;
        struct learner_record *r = store_read(st, name, &err);

        assert_non_null(r);
        memset(ids, 0, sizeof(*ids));
        export_xapi_each(&none, r, &set, T0, collect, ids);
        record_free(&r);
}

static void open_queue(const char *name, struct outbox *ob)
{
        char *key = store_name_key(name), *err = NULL;

        assert_true(outbox_open(dir, key, ob, &err));
        free(key);
}

static void test_queues_everything(void **state)
{
        struct ids ids;
        struct outbox ob;
        size_t queued;
        char *said;

        (void)state;
        learner("Ann", false);
        assert_true(queue_all(&queued, &said));
        /* attempted, the lesson, the answer: not only "attempted" */
        expected("Ann", &ids);
        assert_int_equal(ids.n, 3);
        assert_int_equal(queued, 3);
        open_queue("Ann", &ob);
        assert_int_equal(outbox_count(&ob, 'Q'), 3);
        for (size_t i = 0; i < ids.n; i++) {
                struct outbox_entry *e = outbox_find(&ob, ids.id[i]);

                assert_non_null(e);
                assert_int_equal(e->state, 'Q');
        }
        assert_non_null(strstr(outbox_find(&ob, ids.id[2])->json,
                               "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\""));
        assert_string_equal(ob.name, "Ann");
        outbox_close(&ob);
        /* Told once that the module was not loaded. */
        assert_non_null(strstr(said, "module mod-x is not among the modules loaded"));
        free(said);
}

static void test_nothing_twice(void **state)
{
        struct ids ids;
        struct outbox ob;
        size_t queued;
        char *said, *err = NULL;

        (void)state;
        learner("Ann", false);
        learner("Bob", false);
        assert_true(queue_all(&queued, &said));
        assert_int_equal(queued, 6);
        /* The module is named once, not once per learner. */
        assert_null(strstr(strstr(said, "mod-x") + 1, "mod-x"));
        free(said);
        assert_true(queue_all(&queued, &said));
        assert_int_equal(queued, 0);
        assert_string_equal(said, "");
        free(said);

        /* Sent (S), or refused and set aside (R): never queued again. */
        expected("Ann", &ids);
        open_queue("Ann", &ob);
        outbox_find(&ob, ids.id[0])->state = 'R';
        outbox_find(&ob, ids.id[0])->status = 400;
        outbox_drop(&ob, outbox_find(&ob, ids.id[1]));
        outbox_add(&ob, 'S', ids.id[1], NULL);
        assert_true(outbox_save(&ob, &err));
        outbox_close(&ob);
        assert_true(queue_all(&queued, &said));
        assert_int_equal(queued, 0);
        free(said);
        open_queue("Ann", &ob);
        assert_int_equal(outbox_count(&ob, 'Q'), 1);
        assert_int_equal(outbox_count(&ob, 'S'), 1);
        assert_int_equal(outbox_count(&ob, 'R'), 1);
        outbox_close(&ob);
}

/* A damaged record is reported and left byte for byte; the others go. */
static void test_unreadable_left_alone(void **state)
{
        char *path, *said, *key;
        const char *bad = "dlfl-record: 1\nname: [unclosed\n";
        char buf[128] = "";
        size_t queued;
        FILE *f;

        (void)state;
        learner("Ann", false);
        learner("Cy", false);
        key = store_name_key("Cy");
        path = xasprintf("%s/learners/%s.yaml", dir, key);
        free(key);
        f = fopen(path, "w");
        assert_non_null(f);
        fputs(bad, f);
        assert_int_equal(fclose(f), 0);
        assert_true(queue_all(&queued, &said));
        assert_int_equal(queued, 3);
        assert_non_null(strstr(said, "dlfl: "));
        f = fopen(path, "r");
        assert_non_null(f);
        assert_int_equal(fread(buf, 1, sizeof(buf) - 1, f), strlen(bad));
        fclose(f);
        assert_string_equal(buf, bad);
        free(said);
        free(path);
}

/* A learner in a session while the sync runs: their saved record is
 * queued, and their session keeps its lock and goes on saving. */
static void test_learner_in_session(void **state)
{
        struct store_handle *h = learner("Ann", true), *other;
        const char *err = NULL;
        char *notice = NULL, *said;
        size_t queued;
        struct screen_state *s;

        (void)state;
        assert_true(queue_all(&queued, &said));
        assert_int_equal(queued, 3);
        free(said);
        other = store_open_learner(st, "Ann", &err, &notice);
        assert_null(other);
        s = record_screen(record_current(record_module(store_record(h), "mod-x")), "q2");
        s->seen = s->complete = true;
        s->attempts = 1;
        s->when = T0 + 30;
        assert_true(store_save(h, &err));
        store_close_learner(&h);
        assert_true(queue_all(&queued, &said));
        assert_int_equal(queued, 1);
        free(said);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup_teardown(test_queues_everything, setup, teardown),
            cmocka_unit_test_setup_teardown(test_nothing_twice, setup, teardown),
            cmocka_unit_test_setup_teardown(test_unreadable_left_alone, setup, teardown),
            cmocka_unit_test_setup_teardown(test_learner_in_session, setup, teardown),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
