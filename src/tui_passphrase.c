/* The passphrase prompt: asked before a protected record opens and before
 * it is forgotten, and used to set, change or remove a passphrase from the
 * module menu. What is typed is shown as stars and wiped once used; wrong
 * entries slow down (passphrase.h), counted per learner on disk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/passphrase.h"
#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

struct passphrase {
        enum tui_pass_mode mode;
        struct tui_edit secret;
        char *old, *new; /* typed before, while changing it */
};

void tui_passphrase_open(struct tui *t, enum tui_pass_mode mode)
{
        struct passphrase *ps;

        tui_open_overlay(t, &tui_passphrase_screen);
        ps = tui_state(t, &tui_passphrase_screen);
        ps->mode = mode;
}

static void wipe_string(char **s)
{
        if (*s != NULL) {
                passphrase_wipe(*s, strlen(*s));
                free(*s);
                *s = NULL;
        }
}

static void wipe_field(struct tui *t)
{
        struct passphrase *ps = tui_state(t, &tui_passphrase_screen);

        if (ps->secret.buf != NULL)
                passphrase_wipe(ps->secret.buf, ps->secret.cap);
        tui_edit_clear(&ps->secret);
}

static void pass_enter(struct tui *t)
{
        struct passphrase *ps = tui_state(t, &tui_passphrase_screen);

        tui_edit_init(&ps->secret, false, PASSPHRASE_MAX_BYTES);
}

static void pass_leave(struct tui *t)
{
        struct passphrase *ps = tui_state(t, &tui_passphrase_screen);

        /* Nothing typed outlives the prompt. */
        wipe_field(t);
        tui_edit_free(&ps->secret);
        wipe_string(&ps->old);
        wipe_string(&ps->new);
}

static const char *question(const struct tui *t)
{
        const struct passphrase *ps = tui_state(t, &tui_passphrase_screen);

        switch (ps->mode) {
        case PASS_LOGIN:
                return PRESENT_PASS_ASKED " Type it to open it:";
        case PASS_FORGET:
                return "Type this profile's passphrase to forget it:";
        case PASS_CURRENT:
                return "Type your current passphrase:";
        case PASS_NEW:
                return ps->old != NULL ? "Type a new passphrase (leave it empty to remove it):"
                                       : "Type a passphrase to protect your profile:";
        case PASS_AGAIN:
                return "Type the new passphrase again:";
        }
        return "";
}

static void pass_draw(struct tui *t)
{
        struct passphrase *ps = tui_state(t, &tui_passphrase_screen);
        int y, x, h, w;
        int width = t->cols - 4 < 64 ? t->cols - 4 : 64;
        char stars[80];

        tui_box(t, 8, width, &y, &x, &h, &w);
        if (t->pending_name != NULL && (ps->mode == PASS_LOGIN || ps->mode == PASS_FORGET))
                tui_put(t, y, x, w, t->pending_name, A_BOLD);
        else
                tui_put(t, y, x, w, "Passphrase", A_BOLD);
        tui_put(t, y + 1, x, w, question(t), A_NORMAL);
        /* One star per character typed, never the characters. */
        size_t n = 0;
        for (size_t i = 0; i < ps->secret.len; i++)
                if (((unsigned char)ps->secret.buf[i] & 0xc0) != 0x80)
                        n++;
        if (n > sizeof stars - 1)
                n = sizeof stars - 1;
        if ((int)n > w - 1)
                n = (size_t)(w - 1);
        memset(stars, '*', n);
        stars[n] = '\0';
        attrset(A_UNDERLINE);
        mvhline(y + 3, x, ' ', w);
        mvaddstr(y + 3, x, stars);
        attrset(A_NORMAL);
        t->show_cursor = true;
        t->cur_y = y + 3;
        t->cur_x = x + (int)n;
        tui_status_of(t, NULL, TKN(TA_NONE, "", "Type the passphrase"), TKW(TA_ENTER, "done"),
                      TK(TA_ESC));
}

static void cancel(struct tui *t)
{
        struct passphrase *ps = tui_state(t, &tui_passphrase_screen);
        enum tui_pass_mode m = ps->mode;

        tui_close_overlay(t);
        if (m == PASS_LOGIN || m == PASS_FORGET)
                tui_pending_drop(t);
}

/* Checks the typed passphrase against rec, slowing down wrong ones. The
 * wrong tries are counted per learner on disk (store_pass_wait), so
 * neither another profile, another terminal nor a restart resets them. */
static bool attempt(struct tui *t, const struct learner_record *rec, const char *name,
                    const char *pass)
{
        unsigned left = t->store != NULL ? store_pass_wait(t->store, name) : 0;
        bool ok;

        if (left > 0) {
                char wait[80];

                present_wait(left, wait, sizeof wait);
                tui_message(t, true, "%s", wait);
                return false;
        }
        ok = passphrase_check(rec, pass);
        if (t->store != NULL)
                store_pass_tried(t->store, name, ok);
        if (ok)
                return true;
        left = t->store != NULL ? store_pass_wait(t->store, name) : 0;
        {
                char wait[80];

                present_wait(left, wait, sizeof wait);
                tui_message(t, true, "%s %s", PRESENT_PASS_WRONG, wait);
        }
        return false;
}

static void finish_setting(struct tui *t, bool ok, const char *err, const char *done)
{
        struct passphrase *ps = tui_state(t, &tui_passphrase_screen);

        if (ok) {
                tui_save(t);
                tui_close_overlay(t);
                tui_message(t, false, "%s", done);
        } else {
                tui_message(t, true, "%s", err ? err : "The passphrase could not be changed.");
                ps->mode = PASS_NEW;
                wipe_string(&ps->new);
        }
}

static void submit(struct tui *t)
{
        struct passphrase *ps = tui_state(t, &tui_passphrase_screen);
        const char *typed = ps->secret.buf ? ps->secret.buf : "";
        const char *err = NULL;

        switch (ps->mode) {
        case PASS_LOGIN:
                if (attempt(t, store_record(t->pending), t->pending_name, typed)) {
                        tui_close_overlay(t);
                        tui_login_finish(t);
                        return;
                }
                break;
        case PASS_FORGET:
                if (attempt(t, store_record(t->pending), t->pending_name, typed)) {
                        char *name = t->pending_name;
                        t->pending_name = NULL;
                        tui_close_overlay(t);
                        if (store_forget(&t->pending, &err)) {
                                tui_message(t, false, "%s", PRESENT_FORGOTTEN);
                        } else {
                                char *why = present_forget_failed(err);

                                tui_message(t, true, "%s", why);
                                free(why);
                        }
                        t->pending = NULL;
                        free(name);
                        tui_switch(t, &tui_picker_screen);
                        return;
                }
                break;
        case PASS_CURRENT:
                if (attempt(t, t->rec, t->name, typed)) {
                        ps->old = xstrdup(typed);
                        ps->mode = PASS_NEW;
                }
                break;
        case PASS_NEW:
                if (typed[0] == '\0') {
                        if (ps->old == NULL) {
                                tui_message(t, true, "Type a passphrase, or Esc to leave it.");
                                break;
                        }
                        finish_setting(t, passphrase_remove(t->rec, ps->old, &err), err,
                                       "Your passphrase is removed.");
                        return;
                }
                if (passphrase_problem(typed) != NULL) {
                        tui_message(t, true, "%s", passphrase_problem(typed));
                        break;
                }
                ps->new = xstrdup(typed);
                ps->mode = PASS_AGAIN;
                break;
        case PASS_AGAIN:
                if (ps->new == NULL || strcmp(typed, ps->new) != 0) {
                        tui_message(t, true, "The two did not match: type the new one again.");
                        wipe_string(&ps->new);
                        ps->mode = PASS_NEW;
                        break;
                }
                if (ps->old != NULL)
                        finish_setting(t, passphrase_change(t->rec, ps->old, ps->new, &err), err,
                                       "Your passphrase is changed.");
                else
                        finish_setting(t, passphrase_set(t->rec, ps->new, &err), err,
                                       "Your profile now has a passphrase.");
                return;
        }
        wipe_field(t);
}

static bool pass_key(struct tui *t, const struct tui_key *k)
{
        struct passphrase *ps = tui_state(t, &tui_passphrase_screen);

        if (k->act == TA_ESC) {
                cancel(t);
                return true;
        }
        if (k->act == TA_ENTER) {
                submit(t);
                return true;
        }
        if (k->act == TA_INTERRUPT)
                return false;
        tui_edit_key(&ps->secret, k);
        return true;
}

const struct tui_screen tui_passphrase_screen = {
    .name = "passphrase",
    .state_size = sizeof(struct passphrase),
    .enter = pass_enter,
    .draw = pass_draw,
    .key = pass_key,
    .leave = pass_leave,
};
