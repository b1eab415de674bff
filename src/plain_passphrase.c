/* Line mode: who is learning: opening a learner's record (after its
 * passphrase, when one is set), or a guest's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Says why a learner cannot be opened: on stderr with -l, where it is a
 * failure to report, else on the page. */
static void refuse(struct plain *p, const char *why)
{
        if (p->cli)
                fprintf(stderr, "dlfl: %s\n", why);
        else
                plain_say(p, "%s", why);
}

/* The learner was not opened: back to the picker, or with -l (no picker
 * to go back to) the end, with a failing status. */
static enum flow not_opened(struct plain *p)
{
        plain_close_learner(p);
        if (p->cli) {
                p->status = 1;
                return FLOW_EXIT;
        }
        return plain_go(p, &plain_picker_screen);
}

/* The record is locked only once its passphrase is given: nobody holds it
 * by sitting at the prompt. */
static enum flow finish(struct plain *p)
{
        const char *err = NULL;

        if (!store_lock_learner(p->handle, &err)) {
                refuse(p, err != NULL ? err : PRESENT_CANNOT_OPEN);
                return not_opened(p);
        }
        p->rec = store_record(p->handle);
        free(p->name);
        p->name = xstrdup(store_handle_name(p->handle)); /* as first typed */
        plain_save(p); /* a new learner exists from now on, listed in the picker */
        return plain_go(p, &plain_menu_screen);
}

enum flow plain_login(struct plain *p, const char *name)
{
        const char *err = NULL;
        char *notice = NULL;
        const char *problem = store_name_problem(name);
        unsigned wait;

        if (problem != NULL) {
                refuse(p, problem);
                return not_opened(p);
        }
        p->handle = store_peek_learner(p->store, name, &err, &notice);
        if (notice != NULL) {
                plain_say(p, "%s", notice);
                free(notice);
        }
        if (p->handle == NULL) {
                refuse(p, err != NULL ? err : PRESENT_CANNOT_OPEN);
                return not_opened(p);
        }
        if (!passphrase_is_set(store_record(p->handle)))
                return finish(p);
        /* Wrong entries in a row make the next try wait longer, counted per
         * learner on disk (store_pass_wait), so neither logging into
         * another profile nor a restart resets it. */
        wait = store_pass_wait(p->store, name);
        if (wait > 0) {
                char msg[80];

                present_wait(wait, msg, sizeof msg);
                plain_say(p, "%s", msg);
                fflush(p->out);
                while (wait > 0 && signals_stop == 0)
                        wait = sleep(wait);
                if (signals_stop != 0) {
                        p->why = WHY_TERM;
                        return not_opened(p);
                }
        }
        p->name = xstrdup(name); /* as typed, for store_pass_tried */
        return plain_go(p, &plain_passphrase_screen);
}

enum flow plain_login_guest(struct plain *p)
{
        p->handle = NULL;
        p->rec = record_new("Guest");
        p->name = xstrdup("Guest");
        plain_say(p, "%s", PRESENT_GUEST_STARTED);
        return plain_go(p, &plain_menu_screen);
}

/* The passphrase, typed with the terminal's echo off (the loop reads a
 * secret screen's line so, and wipes it after). */
static void passphrase_show(struct plain *p, struct session *s, const struct screen *sc)
{
        (void)s;
        (void)sc;
        plain_say(p, "%s", PRESENT_PASS_ASKED);
        plain_ask(p, "Passphrase (type it to open it; it is not shown as you type)");
}

static enum flow passphrase_line(struct plain *p, struct session *s, const char *t)
{
        bool ok = passphrase_check(store_record(p->handle), t);

        (void)s;
        store_pass_tried(p->store, p->name, ok);
        if (ok)
                return finish(p);
        if (p->cli)
                fputs("dlfl: that passphrase is not right\n", stderr);
        else
                plain_say(p, "%s", PRESENT_PASS_WRONG);
        return not_opened(p);
}

static enum flow passphrase_end(struct plain *p)
{
        return not_opened(p);
}

const struct plain_screen plain_passphrase_screen = {
    .show = passphrase_show,
    .line = passphrase_line,
    .end = passphrase_end,
    .secret = true,
};
