/* The outbox and sync against a stand-in LRS that accepts everything (as a
 * careless LRS would): "forget me" sends one voiding statement per
 * statement sent and never voids a voiding statement, a second forget
 * keeps the voids still on their way, a run sends at most what was
 * queued when it began, and a 409 is told apart from a refusal. The real LRS is in
 * tests/e2e/lrs_sync.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dlfl/lrs.h"
#include "dlfl/outbox.h"
#include "dlfl/record.h"
#include "dlfl/settings.h"
#include "dlfl/store.h"
#include "dlfl/sync.h"
#include "dlfl/xalloc.h"

#define VOIDED "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\""
#define MAX_POSTS 100

static char tmpdir[256];
static char *dir;
static int posts, posted, voids;
static bool producing;
/* The LRS holds this id with other content: 409 to any batch with it. */
static char conflict[37];
static unsigned next_id = 1;

static void make_id(char id[37])
{
        snprintf(id, 37, "%08x-0000-4000-8000-000000000000", next_id++);
}

static size_t count(const char *s, const char *what)
{
        size_t n = 0;

        for (const char *p = strstr(s, what); p != NULL; p = strstr(p + 1, what))
                n++;
        return n;
}

/* A statement of the learner's own (not a void), queued. */
static void queue_one(struct outbox *ob)
{
        char id[37], *json;

        make_id(id);
        json = xasprintf("{\"id\":\"%s\",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/"
                         "experienced\"}}",
                         id);
        outbox_add(ob, 'Q', id, json);
        free(json);
}

static void with_queue(const char *name, void (*fn)(struct outbox *, void *), void *ctx)
{
        struct outbox ob;
        char *key = store_name_key(name), *err = NULL;

        assert_true(outbox_open(dir, key, &ob, &err));
        fn(&ob, ctx);
        assert_true(outbox_save(&ob, &err));
        outbox_close(&ob);
        free(key);
}

static void add_queued(struct outbox *ob, void *ctx)
{
        (void)ctx;
        queue_one(ob);
}

/* The stand-in LRS: 200 to every POST; while producing, each request
 * sees another statement queued meanwhile, as a player would. */
bool lrs_post_statements(const struct settings *s, const char *body, size_t len,
                         struct lrs_reply *reply)
{
        (void)s;
        (void)len;
        memset(reply, 0, sizeof(*reply));
        if (++posts > MAX_POSTS)
                fail_msg("the sync does not end: %d requests", posts);
        posted += (int)count(body, "\"verb\":");
        voids += (int)count(body, VOIDED);
        if (producing)
                with_queue("Ann", add_queued, NULL);
        reply->status = conflict[0] != '\0' && strstr(body, conflict) != NULL ? 409 : 200;
        return true;
}

void lrs_reply_free(struct lrs_reply *reply)
{
        free(reply->body);
        free(reply->error);
        memset(reply, 0, sizeof(*reply));
}

static int setup(void **state)
{
        (void)state;
        strcpy(tmpdir, "/tmp/dlfl-sync-XXXXXX");
        if (mkdtemp(tmpdir) == NULL)
                return -1;
        dir = xasprintf("%s/data", tmpdir);
        posts = posted = voids = 0;
        producing = false;
        conflict[0] = '\0';
        return 0;
}

static int teardown(void **state)
{
        char *cmd = xasprintf("rm -rf '%s'", tmpdir);
        int rc = system(cmd);

        (void)state;
        free(cmd);
        free(dir);
        return rc == 0 ? 0 : -1;
}

static void lrs_settings(struct settings *s)
{
        settings_defaults(s);
        s->batch = 2;
        s->retries = 1;
}

struct sent {
        const char *name;
        time_t created;
        int n;
};

/* n statements the LRS has accepted for a learner. */
static void add_sent(struct outbox *ob, void *ctx)
{
        struct sent *s = ctx;

        free(ob->name);
        ob->name = xstrdup(s->name);
        ob->created = s->created;
        ob->forgotten = false;
        for (int i = 0; i < s->n; i++) {
                char id[37];

                make_id(id);
                outbox_add(ob, 'S', id, NULL);
        }
}

static void forget(const char *name, time_t created)
{
        struct settings set;
        struct learner_record *r = record_new(name);
        char *err = NULL;

        lrs_settings(&set);
        r->created = created;
        assert_true(outbox_forget(dir, r, &set, &err));
        record_free(&r);
        settings_free(&set);
}

static void sync_now(struct sync_result *res)
{
        struct settings set;

        lrs_settings(&set);
        sync_run(dir, &set, true, NULL, res);
        settings_free(&set);
}

static bool queue_exists(const char *name)
{
        char *key = store_name_key(name);
        char *path = xasprintf("%s/outbox/%s.queue", dir, key);
        bool there = access(path, F_OK) == 0;

        free(path);
        free(key);
        return there;
}

static void test_forget_voids_once(void **state)
{
        struct sent ann = {"Ann", 1000, 5};
        struct sync_result res;

        (void)state;
        with_queue("Ann", add_sent, &ann);
        forget("Ann", 1000);
        sync_now(&res);
        assert_int_equal(res.sent, 5);
        assert_int_equal(res.left, 0);
        assert_int_equal(posted, 5);
        assert_int_equal(voids, 5);
        assert_false(queue_exists("Ann"));
        free(res.reason);

        posts = 0;
        sync_now(&res);
        assert_int_equal(posts, 0);
        free(res.reason);
}

/* A learner of the same name comes back before the voids went, sends a
 * statement, and is forgotten again: the first voids still go, with one
 * for the new statement, and none voids a void. */
static void test_forget_twice(void **state)
{
        struct sent first = {"Ann", 1000, 3}, again = {"Ann", 2000, 1};
        struct sync_result res;

        (void)state;
        with_queue("Ann", add_sent, &first);
        forget("Ann", 1000);
        with_queue("Ann", add_sent, &again);
        forget("Ann", 2000);
        sync_now(&res);
        assert_int_equal(res.left, 0);
        assert_int_equal(posted, 4);
        assert_int_equal(voids, 4);
        assert_false(queue_exists("Ann"));
        free(res.reason);
}

static void test_run_is_bounded(void **state)
{
        struct sync_result res;

        (void)state;
        for (int i = 0; i < 3; i++)
                with_queue("Ann", add_queued, NULL);
        producing = true;
        sync_now(&res);
        assert_int_equal(res.sent, 3);
        assert_int_equal(posted, 3);
        assert_true(res.left > 0);
        assert_non_null(res.reason);
        free(res.reason);
}

static void find_first(struct outbox *ob, void *ctx)
{
        memcpy(ctx, ob->e[0].id, 37);
}

/* A batch answered 409 goes again one by one: the one the LRS holds is
 * counted as held and marked sent (so "forget me" voids it), the rest
 * are sent, and nothing is sent again. */
static void test_conflict(void **state)
{
        struct sync_result res;
        struct outbox ob;
        char *key = store_name_key("Ann"), *err = NULL;

        (void)state;
        for (int i = 0; i < 2; i++)
                with_queue("Ann", add_queued, NULL);
        with_queue("Ann", find_first, conflict);
        sync_now(&res);
        assert_int_equal(res.sent, 1);
        assert_int_equal(res.held, 1);
        assert_int_equal(res.refused, 0);
        assert_int_equal(res.left, 0);
        assert_int_equal(posts, 3); /* the batch of 2, then each alone */
        free(res.reason);
        assert_true(outbox_open(dir, key, &ob, &err));
        assert_int_equal(outbox_find(&ob, conflict)->state, 'S');
        assert_int_equal(outbox_count(&ob, 'S'), 2);
        outbox_close(&ob);
        posts = 0;
        sync_now(&res);
        assert_int_equal(posts, 0);
        free(res.reason);
        free(key);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup_teardown(test_forget_voids_once, setup, teardown),
            cmocka_unit_test_setup_teardown(test_forget_twice, setup, teardown),
            cmocka_unit_test_setup_teardown(test_run_is_bounded, setup, teardown),
            cmocka_unit_test_setup_teardown(test_conflict, setup, teardown),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
