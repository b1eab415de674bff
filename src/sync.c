/* dlfl sync (sync.h): the outbox sent to the LRS, batch by batch. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dlfl/app.h"
#include "dlfl/lrs.h"
#include "dlfl/outbox.h"
#include "dlfl/store.h"
#include "dlfl/sync.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

#define BACKOFF_MAX 30

/* What became of one request. */
enum outcome {
        SENT,    /* 2xx */
        HELD,    /* 409: the LRS holds a statement of this id, with other content */
        REFUSED, /* a 4xx about the statements themselves */
        STOP,    /* the LRS cannot be used now: down, busy, wrong address or credentials */
};

struct batch {
        char (*ids)[37];
        bool *voiding; /* per statement: it voids another */
        size_t n;
        char *body;
        size_t len;
};

static void batch_free(struct batch *b)
{
        free(b->ids);
        free(b->voiding);
        free(b->body);
        memset(b, 0, sizeof(*b));
}

static void set_reason(struct sync_result *r, char *why)
{
        free(r->reason);
        r->reason = why;
}

static bool retryable(long status)
{
        return status == 0 || status == 408 || status == 429 || status >= 500;
}

/* Posts the batch, trying again after a pause while the failure is one
 * that passes (no answer, timeout, 408, 429, 5xx). */
static enum outcome post(const struct settings *s, const struct batch *b, long *status,
                         struct sync_result *res)
{
        unsigned pause = 1;

        for (long tries = 1;; tries++) {
                struct lrs_reply reply;

                if (!lrs_post_statements(s, b->body, b->len, &reply)) {
                        set_reason(res, xasprintf("%s", reply.error));
                        lrs_reply_free(&reply);
                        return STOP;
                }
                *status = reply.status;
                if (reply.status >= 200 && reply.status < 300) {
                        lrs_reply_free(&reply);
                        return SENT;
                }
                /* xAPI 1.0.3: an id the LRS has with the same content is no
                 * conflict; with other content the LRS keeps its own, so
                 * sending ours again can never change it. */
                if (reply.status == 409) {
                        lrs_reply_free(&reply);
                        return HELD;
                }
                if (!retryable(reply.status)) {
                        if (reply.status == 401 || reply.status == 403) {
                                set_reason(res, xasprintf("the LRS at %s refused dlfl's "
                                                          "credentials (HTTP %ld); check lrs.key "
                                                          "and lrs.secret",
                                                          s->endpoint, reply.status));
                        } else if (reply.status == 404 || reply.status == 405 ||
                                   reply.status < 400) {
                                set_reason(res, xasprintf("%s is not an xAPI endpoint "
                                                          "(HTTP %ld to POST statements); check "
                                                          "lrs.endpoint",
                                                          s->endpoint, reply.status));
                        } else {
                                lrs_reply_free(&reply);
                                return REFUSED;
                        }
                        lrs_reply_free(&reply);
                        return STOP;
                }
                if (tries >= s->retries) {
                        char *why =
                            reply.error != NULL ? text_sanitize_line_max(reply.error, 120) : NULL;

                        if (why != NULL)
                                set_reason(res, xasprintf("the LRS at %s did not answer: %s",
                                                          s->endpoint, why));
                        else
                                set_reason(res, xasprintf("the LRS at %s is not taking "
                                                          "statements now (HTTP %ld)",
                                                          s->endpoint, reply.status));
                        free(why);
                        lrs_reply_free(&reply);
                        return STOP;
                }
                lrs_reply_free(&reply);
                sleep(pause);
                pause = pause * 2 > BACKOFF_MAX ? BACKOFF_MAX : pause * 2;
        }
}

/* Takes up to max queued statements (from first, by position) into a
 * batch, under the queue's lock, which is let go before any request. */
static bool take(const char *data_dir, const char *key, size_t max, struct batch *b,
                 struct sync_result *res)
{
        struct outbox ob;
        char *err = NULL;
        FILE *mem;

        memset(b, 0, sizeof(*b));
        if (!outbox_open(data_dir, key, &ob, &err)) {
                set_reason(res, err);
                return false;
        }
        b->ids = xcalloc(max, sizeof(*b->ids));
        b->voiding = xcalloc(max, sizeof(*b->voiding));
        mem = open_memstream(&b->body, &b->len);
        if (mem == NULL)
                die("cannot make an in-memory stream");
        fputc('[', mem);
        for (size_t i = 0; i < ob.n && b->n < max; i++) {
                if (ob.e[i].state != 'Q')
                        continue;
                fputs(b->n > 0 ? "," : "", mem);
                fputs(ob.e[i].json, mem);
                b->voiding[b->n] = ob.e[i].voiding;
                memcpy(b->ids[b->n++], ob.e[i].id, 37);
        }
        fputc(']', mem);
        if (fclose(mem) != 0)
                die("cannot finish an in-memory stream");
        outbox_close(&ob);
        return true;
}

/* Marks the batch's statements sent (state S), or refused (R, with the
 * HTTP status), under the lock. A statement "forget me" dropped while it
 * was on its way is recorded as sent and voided like the rest. A voiding
 * statement, once sent, leaves the queue: it is never voided itself. */
static bool mark(const char *data_dir, const char *key, const struct settings *s,
                 const struct batch *b, char state, long status, struct sync_result *res)
{
        struct outbox ob;
        char *err = NULL;
        bool ok;

        if (!outbox_open(data_dir, key, &ob, &err)) {
                set_reason(res, err);
                return false;
        }
        for (size_t i = 0; i < b->n; i++) {
                struct outbox_entry *e = outbox_find(&ob, b->ids[i]);

                if (e == NULL && state == 'S' && !b->voiding[i]) {
                        outbox_add(&ob, 'S', b->ids[i], NULL);
                        continue;
                }
                if (e == NULL || e->state != 'Q')
                        continue;
                if (state == 'S' && e->voiding) {
                        outbox_drop(&ob, e);
                        continue;
                }
                e->state = state;
                e->status = (int)status;
                if (state == 'S') {
                        free(e->json);
                        e->json = NULL;
                }
        }
        if (ob.forgotten)
                outbox_void_sent(&ob, s);
        ok = outbox_save(&ob, &err);
        if (!ok)
                set_reason(res, err);
        outbox_close(&ob);
        return ok;
}

/* Counts and reports what the LRS answered for one statement that did
 * not simply go: refused (set aside), or already held with other
 * content. */
static void report_one(FILE *report, struct sync_result *res, enum outcome o, const char *id,
                       long status)
{
        if (o == HELD) {
                res->held++;
                if (report != NULL)
                        fprintf(report,
                                "dlfl: the LRS already holds a statement with id %s, with other "
                                "content (HTTP 409); it keeps its own, so this one is counted as "
                                "delivered and not sent again\n",
                                id);
        } else {
                res->refused++;
                if (report != NULL)
                        fprintf(report,
                                "dlfl: the LRS refused statement %s (HTTP %ld); it is set aside in "
                                "the outbox and will not be sent again\n",
                                id, status);
        }
}

/* A batch the LRS refused, or answered 409 (xAPI: a batch is stored whole
 * or not at all, and the answer need not say which statement was at
 * fault): each statement alone, so a bad one is set aside, one the LRS
 * already holds is known as such, and the rest still go. */
static bool one_by_one(const char *data_dir, const char *key, const struct settings *s,
                       const struct batch *b, FILE *report, struct sync_result *res)
{
        struct outbox ob;
        char *err = NULL;

        for (size_t i = 0; i < b->n; i++) {
                struct batch one = {0};
                struct outbox_entry *e;
                enum outcome o;
                long status = 0;

                if (!outbox_open(data_dir, key, &ob, &err)) {
                        set_reason(res, err);
                        return false;
                }
                e = outbox_find(&ob, b->ids[i]);
                if (e == NULL || e->state != 'Q') {
                        outbox_close(&ob);
                        continue;
                }
                one.ids = xcalloc(1, sizeof(*one.ids));
                one.voiding = xcalloc(1, sizeof(*one.voiding));
                memcpy(one.ids[0], e->id, 37);
                one.voiding[0] = e->voiding;
                one.n = 1;
                one.body = xasprintf("[%s]", e->json);
                one.len = strlen(one.body);
                outbox_close(&ob);
                o = post(s, &one, &status, res);
                if (o == STOP) {
                        batch_free(&one);
                        return false;
                }
                if (!mark(data_dir, key, s, &one, o == REFUSED ? 'R' : 'S', status, res)) {
                        batch_free(&one);
                        return false;
                }
                if (o == SENT)
                        res->sent++;
                else
                        report_one(report, res, o, one.ids[0], status);
                batch_free(&one);
        }
        return true;
}

static size_t queued_now(const char *data_dir, const char *key)
{
        struct outbox ob;
        char *err = NULL;
        size_t n;

        if (!outbox_open(data_dir, key, &ob, &err)) {
                free(err);
                return 0;
        }
        n = outbox_count(&ob, 'Q');
        outbox_close(&ob);
        return n;
}

/* Sends at most as many statements as the queue held when this run began,
 * so a run always ends whatever is queued meanwhile (that goes with the
 * next run). */
static bool sync_queue(const char *data_dir, const char *key, const struct settings *s,
                       FILE *report, struct sync_result *res)
{
        size_t budget = queued_now(data_dir, key);

        while (budget > 0) {
                struct batch b;
                enum outcome o;
                long status = 0;
                bool ok;

                if (!take(data_dir, key, budget < (size_t)s->batch ? budget : (size_t)s->batch, &b,
                          res))
                        return false;
                if (b.n == 0) {
                        batch_free(&b);
                        return true;
                }
                budget -= b.n;
                o = post(s, &b, &status, res);
                if (o == SENT) {
                        ok = mark(data_dir, key, s, &b, 'S', status, res);
                        res->sent += ok ? b.n : 0;
                } else if ((o == REFUSED || o == HELD) && b.n == 1) {
                        /* One the LRS holds is as good as sent: "forget
                         * me" voids it like the rest. */
                        ok = mark(data_dir, key, s, &b, o == HELD ? 'S' : 'R', status, res);
                        if (ok)
                                report_one(report, res, o, b.ids[0], status);
                } else if (o == REFUSED || o == HELD) {
                        ok = one_by_one(data_dir, key, s, &b, report, res);
                } else {
                        ok = false;
                }
                batch_free(&b);
                if (!ok)
                        return false;
        }
        return true;
}

static size_t count_left(const char *data_dir, char **keys, size_t n)
{
        size_t left = 0;

        for (size_t i = 0; i < n; i++) {
                struct outbox ob;
                char *err = NULL;

                if (!outbox_open(data_dir, keys[i], &ob, &err)) {
                        free(err);
                        continue;
                }
                left += outbox_count(&ob, 'Q');
                outbox_close(&ob);
        }
        return left;
}

static char **queue_keys(const char *dir, size_t *n)
{
        DIR *d = opendir(dir);
        struct dirent *de;
        char **keys = NULL;
        size_t cap = 0;

        *n = 0;
        if (d == NULL)
                return NULL;
        while ((de = readdir(d)) != NULL) {
                size_t len = strlen(de->d_name);

                if (len > 6 && strcmp(de->d_name + len - 6, ".queue") == 0 &&
                    de->d_name[0] != '.') {
                        keys = xgrow(keys, &cap, *n + 1, sizeof(*keys));
                        keys[(*n)++] = xstrndup(de->d_name, len - 6);
                }
        }
        closedir(d);
        return keys;
}

void sync_run(const char *data_dir, const struct settings *s, bool wait, FILE *report,
              struct sync_result *res)
{
        char *dir = xasprintf("%s/outbox", data_dir);
        char *lock = xasprintf("%s/sync.lock", dir);
        char **keys;
        size_t n = 0;
        int fd;

        memset(res, 0, sizeof(*res));
        keys = queue_keys(dir, &n);
        if (n == 0)
                goto out;
        fd = outbox_lock(lock, wait);
        if (fd < 0) {
                set_reason(res, errno == EWOULDBLOCK ? xstrdup("another dlfl sync is running")
                                                     : xasprintf("%s: %s", lock, strerror(errno)));
                res->left = count_left(data_dir, keys, n);
                goto out;
        }
        for (size_t i = 0; i < n; i++)
                if (!sync_queue(data_dir, keys[i], s, report, res))
                        break;
        res->left = count_left(data_dir, keys, n);
        if (res->left > 0 && res->reason == NULL)
                set_reason(res, xstrdup("they were queued while this sync ran; the next sync "
                                        "sends them"));
        close(fd);
out:
        for (size_t i = 0; i < n; i++)
                free(keys[i]);
        free(keys);
        free(lock);
        free(dir);
}

int cmd_sync(struct app *app, int argc, char **argv)
{
        struct sync_result res;
        struct store *st;
        const char *err = NULL;
        char **names;
        size_t n, queued = 0;
        bool queued_all;
        int status;

        (void)argv;
        if (argc > 0) {
                fputs("dlfl: sync takes no arguments\nusage: dlfl sync\nTry 'dlfl --help'.\n",
                      stderr);
                return 2;
        }
        if (!settings_lrs(&app->settings)) {
                fprintf(stderr, "dlfl: no LRS is set up: give lrs.endpoint, and lrs.key and "
                                "lrs.secret (or lrs.credentials_file), in the settings; see "
                                "dlfl(1)\n");
                return 1;
        }
        st = store_open(app->data_dir, &err);
        if (st == NULL) {
                fprintf(stderr, "dlfl: %s\n", err != NULL ? err : "no data directory");
                return 1;
        }
        names = store_list(st, &n, &err);
        if (names == NULL) {
                fprintf(stderr, "dlfl: %s\n", err != NULL ? err : "the data dir cannot be read");
                store_close(&st);
                return 1;
        }
        if (n > 0 && !app_load_modules(app)) {
                store_names_free(names, n);
                store_close(&st);
                return 1;
        }
        /* A queue that cannot be written keeps no one else's back. */
        queued_all =
            outbox_queue_learners(st, names, n, &app->catalog, &app->settings, stderr, &queued);
        store_names_free(names, n);
        sync_run(store_dir(st), &app->settings, true, stderr, &res);
        if (res.sent > 0 || res.refused > 0 || res.held > 0) {
                printf("%zu statement%s sent to the LRS", res.sent, res.sent == 1 ? "" : "s");
                if (res.held > 0)
                        printf("; %zu it already held with other content", res.held);
                if (res.refused > 0)
                        printf("; %zu refused and set aside", res.refused);
                putchar('\n');
        }
        if (res.left == 0) {
                /* A queue that could not be written was reported above. */
                status = queued_all ? 0 : 1;
        } else {
                char *why =
                    text_sanitize_line_max(res.reason != NULL ? res.reason : "unknown error", 300);

                fprintf(stderr, "dlfl: %zu statement%s still queued: %s\n", res.left,
                        res.left == 1 ? "" : "s", why);
                free(why);
                status = 1;
        }
        free(res.reason);
        store_close(&st);
        return status;
}
