/* Line mode: who is learning: the learner picker, passphrases, guests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dlfl/lineread.h"
#include "dlfl/passphrase.h"
#include "dlfl/present.h"
#include "dlfl/signals.h"
#include "dlfl/store.h"
#include "dlfl/xalloc.h"

#include "plain_impl.h"

void plain_close_learner(struct plain *p)
{
        if (p->handle != NULL)
                store_close_learner(&p->handle);
        else
                record_free(&p->rec);
        p->rec = NULL;
        free(p->name);
        p->name = NULL;
}

/* A profile with a passphrase opens only when it is given, typed with the
 * terminal's echo off. Wrong entries in a row make the next try wait
 * longer, counted per learner on disk (store_pass_wait), so neither
 * logging into another profile nor a restart resets it. */
static bool ask_passphrase(struct plain *p, const char *name)
{
        unsigned wait = store_pass_wait(p->store, name);
        bool ok, got;

        if (wait > 0) {
                char msg[80];

                present_wait(wait, msg, sizeof msg);
                plain_say(p, "%s", msg);
                fflush(p->out);
                while (wait > 0 && signals_stop == 0)
                        wait = sleep(wait);
                if (signals_stop != 0) {
                        p->why = WHY_TERM;
                        return false;
                }
        }
        plain_ask(p, "Passphrase (type it; it is not shown as you type)");
        line_echo(p->in, false);
        got = plain_read_line(p);
        line_echo(p->in, true);
        if (!got)
                return false;
        ok = passphrase_check(store_record(p->handle), p->line);
        passphrase_wipe(p->line, strlen(p->line));
        store_pass_tried(p->store, name, ok);
        if (ok)
                return true;
        if (p->cli)
                fputs("dlfl: that passphrase is not right\n", stderr);
        else
                plain_say(p, "%s", PRESENT_PASS_WRONG);
        return false;
}

/* Opens a stored learner. On refusal (locked elsewhere, unreadable) says
 * why and returns false. */
bool plain_open_learner(struct plain *p, const char *name)
{
        const char *err = NULL;
        char *notice = NULL;
        const char *problem = store_name_problem(name);

        if (problem != NULL) {
                if (p->cli)
                        fprintf(stderr, "dlfl: %s\n", problem);
                else
                        plain_say(p, "%s", problem);
                return false;
        }
        /* The record is locked only once its passphrase is given: nobody
         * holds it by sitting at the prompt. */
        p->handle = store_peek_learner(p->store, name, &err, &notice);
        if (notice != NULL) {
                plain_say(p, "%s", notice);
                free(notice);
        }
        if (p->handle == NULL) {
                if (err == NULL)
                        err = "That learner's record cannot be opened.";
                /* With -l there is no picker to go back to: a failure to report. */
                if (p->cli)
                        fprintf(stderr, "dlfl: %s\n", err);
                else
                        plain_say(p, "%s", err);
                return false;
        }
        if (passphrase_is_set(store_record(p->handle)) && !ask_passphrase(p, name)) {
                store_close_learner(&p->handle);
                return false;
        }
        if (!store_lock_learner(p->handle, &err)) {
                if (p->cli)
                        fprintf(stderr, "dlfl: %s\n", err);
                else
                        plain_say(p, "%s", err);
                store_close_learner(&p->handle);
                return false;
        }
        p->rec = store_record(p->handle);
        p->name = xstrdup(store_handle_name(p->handle)); /* as first typed */
        plain_save(p); /* a new learner exists from now on, listed in the picker */
        return true;
}

static void open_guest(struct plain *p)
{
        p->handle = NULL;
        p->rec = record_new("Guest");
        p->name = xstrdup("Guest");
        plain_say(p, "You are a guest: nothing you do is saved.");
}

/* The picker: existing learners numbered, then Guest; n for a new one.
 * Returns false to quit. */
bool plain_pick_learner(struct plain *p)
{
        for (;;) {
                const char *err = NULL;
                size_t n = 0;
                char **names = store_list(p->store, &n, &err);

                plain_blank(p);
                if (names == NULL && err != NULL)
                        plain_say(p, "The learners cannot be listed: %s", err);
                plain_say(p, "Who is learning?");
                for (size_t i = 0; i < n; i++) {
                        char *prefix = xasprintf("%zu. ", i + 1);

                        plain_wrapped(p, prefix, names[i]);
                        free(prefix);
                }
                {
                        char *prefix = xasprintf("%zu. ", n + 1);

                        plain_wrapped(p, prefix, "Guest (nothing is saved)");
                        free(prefix);
                }
                /* In kiosk mode q does nothing here, so it is not offered. */
                plain_ask(p, "Type a number, n for a new learner%s",
                          p->app->kiosk ? "" : ", or q to quit");
                for (;;) {
                        const char *t;
                        long v;
                        bool done = false, again = false;

                        if (!plain_read_line(p)) {
                                store_names_free(names, n);
                                return false;
                        }
                        t = plain_trimmed(p->line);
                        v = plain_number(t);
                        if (v >= 1 && (size_t)v <= n) {
                                done = plain_open_learner(p, names[v - 1]);
                                again = !done;
                        } else if ((size_t)v == n + 1) {
                                open_guest(p);
                                done = true;
                        } else if (strcmp(t, "n") == 0 || strcmp(t, "N") == 0) {
                                plain_ask(p, "Type your name");
                                if (!plain_read_line(p)) {
                                        store_names_free(names, n);
                                        return false;
                                }
                                t = plain_trimmed(p->line);
                                if (t[0] != '\0') {
                                        char *name = xstrdup(t);

                                        done = plain_open_learner(p, name);
                                        free(name);
                                }
                                again = !done;
                        } else if (plain_command(t) == 'q' && p->app->kiosk) {
                                plain_say(p, "This is a shared terminal: there is nothing to "
                                             "quit. Type a number, or n for a new learner.");
                        } else if (plain_command(t) == 'q') {
                                store_names_free(names, n);
                                return false;
                        } else if (plain_command(t) == '?') {
                                plain_help(p);
                        } else {
                                plain_say(p, "Type a number from 1 to %zu, n for a new learner%s.",
                                          n + 1, p->app->kiosk ? "" : ", or q to quit");
                        }
                        if (done) {
                                store_names_free(names, n);
                                return true;
                        }
                        if (again)
                                break;
                }
                store_names_free(names, n);
        }
}
