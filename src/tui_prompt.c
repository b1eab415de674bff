/* A name typed in a box: a new learner's, on the picker, or the signed-in
 * learner's own, to confirm "forget me" (typing one's name is a deliberate
 * act a stray y is not). */
#include <stdlib.h>
#include <string.h>

#include "dlfl/present.h"
#include "dlfl/store.h"
#include "dlfl/xalloc.h"
#include "tui.h"

struct prompt {
        struct tui_edit edit;
        bool forget; /* the name confirms "forget me" */
};

void tui_prompt_open(struct tui *t, bool forget)
{
        struct prompt *p;

        tui_open_overlay(t, &tui_prompt_screen);
        p = tui_state(t, &tui_prompt_screen);
        p->forget = forget;
}

static void prompt_enter(struct tui *t)
{
        struct prompt *p = tui_state(t, &tui_prompt_screen);

        /* 64 characters of up to 4 bytes each. */
        tui_edit_init(&p->edit, false, 256);
}

static void prompt_leave(struct tui *t)
{
        struct prompt *p = tui_state(t, &tui_prompt_screen);

        tui_edit_free(&p->edit);
}

/* Deletes the signed-in learner's record once their name is typed. */
static void forget_me(struct tui *t, const char *typed)
{
        const char *err = NULL;
        char *name;

        if (!store_same_name(typed, t->name)) {
                tui_close_overlay(t);
                tui_message(t, false, "%s", PRESENT_FORGET_NOT_YOU);
                return;
        }
        tui_close_overlay(t);
        name = xstrdup(t->name);
        tui_close_module(t);
        t->rec = NULL; /* the handle owns it and goes with it */
        if (store_forget(&t->handle, &err)) {
                tui_message(t, false, "%s", PRESENT_FORGOTTEN);
        } else {
                char *why = present_forget_failed(err);

                tui_message(t, true, "%s", why);
                free(why);
        }
        free(name);
        tui_logout(t);
}

static void prompt_draw(struct tui *t)
{
        struct prompt *p = tui_state(t, &tui_prompt_screen);
        int y, x, h, w;
        int width = t->cols - 4 < 60 ? t->cols - 4 : 60;

        tui_box(t, 7, width, &y, &x, &h, &w);
        if (p->forget) {
                tui_put(t, y, x, w, "Forget me: type your name to confirm", A_BOLD);
                tui_put(t, y + 1, x, w, "(your record and progress are deleted for good)",
                        A_NORMAL);
        } else {
                tui_put(t, y, x, w, "New learner: type your name", A_BOLD);
                tui_put(t, y + 1, x, w, "(1-64 characters; others on this computer see it)",
                        A_NORMAL);
        }
        tui_edit_paint(t, &p->edit, y + 3, x, 1, w, true);
        tui_status_of(t, NULL, TKN(TA_NONE, "", "Type your name"), TKW(TA_ENTER, "done"),
                      TK(TA_ESC));
}

static bool prompt_key(struct tui *t, const struct tui_key *k)
{
        struct prompt *p = tui_state(t, &tui_prompt_screen);

        if (k->act == TA_ESC) {
                tui_close_overlay(t);
                return true;
        }
        if (k->act == TA_ENTER) {
                char *name = xstrdup(p->edit.buf ? p->edit.buf : "");
                /* Spaces at either end are never part of a name. */
                size_t n = strlen(name);
                while (n > 0 && name[n - 1] == ' ')
                        name[--n] = '\0';
                char *s = name;
                while (*s == ' ')
                        s++;
                if (p->forget) {
                        forget_me(t, s);
                } else if (*s == '\0') {
                        tui_message(t, true, "Type a name first (or Esc to go back).");
                } else {
                        tui_close_overlay(t);
                        if (!tui_picker_create(t, s))
                                tui_prompt_open(t, false);
                }
                free(name);
                return true;
        }
        tui_edit_key(&p->edit, k);
        return true;
}

const struct tui_screen tui_prompt_screen = {
    .name = "prompt",
    .state_size = sizeof(struct prompt),
    .enter = prompt_enter,
    .draw = prompt_draw,
    .key = prompt_key,
    .leave = prompt_leave,
};
