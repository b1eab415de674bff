/* The passphrase prompt: asked before a protected record opens and before
 * it is forgotten, and used to set, change or remove a passphrase from the
 * module menu. What is typed is shown as stars and wiped once used; wrong
 * entries slow down (passphrase.h), counted per learner on disk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/passphrase.h"
#include "dlfl/xalloc.h"
#include "tui.h"

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
        if (t->secret.buf != NULL)
                passphrase_wipe(t->secret.buf, t->secret.cap);
        tui_edit_clear(&t->secret);
}

static void pass_enter(struct tui *t)
{
        tui_edit_init(&t->secret, false, PASSPHRASE_MAX_BYTES);
}

static void pass_leave(struct tui *t)
{
        wipe_field(t);
        if (t->pass_mode != PASS_LOGIN && t->pass_mode != PASS_FORGET) {
                wipe_string(&t->pass_old);
                wipe_string(&t->pass_new);
        }
}

static const char *question(const struct tui *t)
{
        switch (t->pass_mode) {
        case PASS_LOGIN:
                return "This profile has a passphrase. Type it to open it:";
        case PASS_FORGET:
                return "Type this profile's passphrase to forget it:";
        case PASS_CURRENT:
                return "Type your current passphrase:";
        case PASS_NEW:
                return t->pass_old != NULL ? "Type a new passphrase (leave it empty to remove it):"
                                           : "Type a passphrase to protect your profile:";
        case PASS_AGAIN:
                return "Type the new passphrase again:";
        }
        return "";
}

static void pass_draw(struct tui *t)
{
        int y, x, h, w;
        int width = t->cols - 4 < 64 ? t->cols - 4 : 64;
        char stars[80];

        tui_box(t, 8, width, &y, &x, &h, &w);
        if (t->pending_name != NULL && (t->pass_mode == PASS_LOGIN || t->pass_mode == PASS_FORGET))
                tui_put(t, y, x, w, t->pending_name, A_BOLD);
        else
                tui_put(t, y, x, w, "Passphrase", A_BOLD);
        tui_put(t, y + 1, x, w, question(t), A_NORMAL);
        /* One star per character typed, never the characters. */
        size_t n = 0;
        for (size_t i = 0; i < t->secret.len; i++)
                if (((unsigned char)t->secret.buf[i] & 0xc0) != 0x80)
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
        enum tui_pass_mode m = t->pass_mode;

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
                tui_message(t, true, "Please wait %u second%s before trying again.", left,
                            left == 1 ? "" : "s");
                return false;
        }
        ok = passphrase_check(rec, pass);
        if (t->store != NULL)
                store_pass_tried(t->store, name, ok);
        if (ok)
                return true;
        left = t->store != NULL ? store_pass_wait(t->store, name) : 0;
        tui_message(t, true, "That passphrase is not right. Wait %u second%s before trying again.",
                    left, left == 1 ? "" : "s");
        return false;
}

static void finish_setting(struct tui *t, bool ok, const char *err, const char *done)
{
        if (ok) {
                tui_save(t);
                tui_close_overlay(t);
                tui_message(t, false, "%s", done);
        } else {
                tui_message(t, true, "%s", err ? err : "The passphrase could not be changed.");
                t->pass_mode = t->pass_old != NULL ? PASS_NEW : PASS_NEW;
                wipe_string(&t->pass_new);
        }
}

static void submit(struct tui *t)
{
        const char *typed = t->secret.buf ? t->secret.buf : "";
        const char *err = NULL;

        switch (t->pass_mode) {
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
                        if (store_forget(&t->pending, &err))
                                tui_message(t, false, "%s has been forgotten.", name);
                        else
                                tui_message(t, true, "Could not forget %s: %s", name,
                                            err ? err : "unknown error");
                        t->pending = NULL;
                        free(name);
                        tui_switch(t, &tui_picker_screen);
                        return;
                }
                break;
        case PASS_CURRENT:
                if (attempt(t, t->rec, t->name, typed)) {
                        t->pass_old = xstrdup(typed);
                        t->pass_mode = PASS_NEW;
                }
                break;
        case PASS_NEW:
                if (typed[0] == '\0') {
                        if (t->pass_old == NULL) {
                                tui_message(t, true, "Type a passphrase, or Esc to leave it.");
                                break;
                        }
                        finish_setting(t, passphrase_remove(t->rec, t->pass_old, &err), err,
                                       "Your passphrase is removed.");
                        return;
                }
                if (passphrase_problem(typed) != NULL) {
                        tui_message(t, true, "%s", passphrase_problem(typed));
                        break;
                }
                t->pass_new = xstrdup(typed);
                t->pass_mode = PASS_AGAIN;
                break;
        case PASS_AGAIN:
                if (t->pass_new == NULL || strcmp(typed, t->pass_new) != 0) {
                        tui_message(t, true, "The two did not match: type the new one again.");
                        wipe_string(&t->pass_new);
                        t->pass_mode = PASS_NEW;
                        break;
                }
                if (t->pass_old != NULL)
                        finish_setting(t, passphrase_change(t->rec, t->pass_old, t->pass_new, &err),
                                       err, "Your passphrase is changed.");
                else
                        finish_setting(t, passphrase_set(t->rec, t->pass_new, &err), err,
                                       "Your profile now has a passphrase.");
                return;
        }
        wipe_field(t);
}

static bool pass_key(struct tui *t, const struct tui_key *k)
{
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
        tui_edit_key(&t->secret, k);
        return true;
}

const struct tui_screen tui_passphrase_screen = {
    .name = "passphrase",
    .enter = pass_enter,
    .draw = pass_draw,
    .key = pass_key,
    .leave = pass_leave,
};
