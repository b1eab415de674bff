/* The player's side of the outbox (outbox.h): statements queued as they
 * happen, and a sync started in the background after a module's summary
 * and at log-out, in a process of its own that the learner never waits
 * for and that never touches the terminal. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dlfl/app.h"
#include "dlfl/outbox.h"
#include "dlfl/store.h"
#include "dlfl/sync.h"
#include "dlfl/xalloc.h"

static struct app *watched;
static char *watched_dir;

/* Closes every descriptor from 3 up: the player's record locks must not
 * live on in the sync process. */
static void close_from_3(void)
{
        long max = sysconf(_SC_OPEN_MAX);

        if (max < 0 || max > 65536)
                max = 65536;
        for (int fd = 3; fd < max; fd++)
                (void)close(fd);
}

static void background(const char *dir)
{
        pid_t child = fork();

        if (child < 0)
                return; /* the next log-out or `dlfl sync` sends it */
        if (child == 0) {
                struct sync_result res;
                int null;

                /* A grandchild, so the player has no child to reap. */
                if (fork() != 0)
                        _exit(0);
                (void)setsid();
                signal(SIGINT, SIG_IGN);
                signal(SIGQUIT, SIG_IGN);
                signal(SIGTSTP, SIG_IGN);
                signal(SIGHUP, SIG_IGN);
                signal(SIGTERM, SIG_DFL);
                null = open("/dev/null", O_RDWR);
                if (null >= 0) {
                        dup2(null, 0);
                        dup2(null, 1);
                        dup2(null, 2);
                }
                close_from_3();
                sync_run(dir, &watched->settings, false, NULL, &res);
                _exit(res.left == 0 ? 0 : 1);
        }
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR)
                ;
}

void outbox_sync_background(struct app *app)
{
        if (watched_dir != NULL && settings_lrs(&app->settings))
                background(watched_dir);
}

static void saved(void *ctx, const char *dir, const struct learner_record *r)
{
        struct app *app = ctx;
        bool completed = false;
        char *err = NULL;

        free(watched_dir);
        watched_dir = xstrdup(dir);
        /* A queue that cannot be written now is filled at the next save:
         * every statement is made again from the record. */
        if (outbox_queue_record(dir, &app->catalog, r, &app->settings, &completed, &err) < 0) {
                free(err);
                return;
        }
        if (completed)
                background(dir);
}

static void closed(void *ctx, const char *dir, const char *name)
{
        (void)ctx;
        (void)name;
        background(dir);
}

static void forgetting(void *ctx, const char *dir, const struct learner_record *r)
{
        struct app *app = ctx;
        char *err = NULL;

        if (!outbox_forget(dir, r, &app->settings, &err))
                free(err);
}

/* No LRS set up here, but a `dlfl sync` run with one may have queued or
 * sent this learner's statements (activity from before): "forget me"
 * still drops what was not sent and queues the voiding of what was, for
 * that sync to send. Only an outbox already there is touched. */
static void forgetting_offline(void *ctx, const char *dir, const struct learner_record *r)
{
        char *key = store_name_key(r->name);
        char *queue = xasprintf("%s/outbox/%s.queue", dir, key);
        struct stat sb;

        free(key);
        if (lstat(queue, &sb) == 0)
                forgetting(ctx, dir, r);
        free(queue);
}

static struct store_observer observer;

void outbox_watch(struct app *app)
{
        if (!settings_lrs(&app->settings)) {
                observer = (struct store_observer){.forgetting = forgetting_offline, .ctx = app};
                store_set_observer(&observer);
                return;
        }
        watched = app;
        observer = (struct store_observer){
            .saved = saved, .closed = closed, .forgetting = forgetting, .ctx = app};
        store_set_observer(&observer);
}
