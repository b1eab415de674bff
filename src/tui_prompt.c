/* The new learner's name, typed on the picker. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/xalloc.h"
#include "tui.h"

static void prompt_enter(struct tui *t)
{
        /* 64 characters of up to 4 bytes each. */
        tui_edit_init(&t->prompt, false, 256);
}

static void prompt_leave(struct tui *t)
{
        tui_edit_clear(&t->prompt);
}

static void prompt_draw(struct tui *t)
{
        int y, x, h, w;
        int width = t->cols - 4 < 60 ? t->cols - 4 : 60;

        tui_box(t, 7, width, &y, &x, &h, &w);
        tui_put(t, y, x, w, "New learner: type your name", A_BOLD);
        tui_put(t, y + 1, x, w, "(1-64 characters; others on this computer see it)", A_NORMAL);
        tui_edit_paint(t, &t->prompt, y + 3, x, 1, w, true);
        tui_status(t, "Type your name  Enter done  Esc cancel", NULL);
}

static bool prompt_key(struct tui *t, const struct tui_key *k)
{
        if (k->act == TA_ESC) {
                tui_close_overlay(t);
                return true;
        }
        if (k->act == TA_ENTER) {
                char *name = xstrdup(t->prompt.buf ? t->prompt.buf : "");
                /* Spaces at either end are never part of a name. */
                size_t n = strlen(name);
                while (n > 0 && name[n - 1] == ' ')
                        name[--n] = '\0';
                char *s = name;
                while (*s == ' ')
                        s++;
                if (*s == '\0') {
                        tui_message(t, true, "Type a name first (or Esc to go back).");
                } else {
                        tui_close_overlay(t);
                        if (!tui_picker_create(t, s))
                                tui_open_overlay(t, &tui_prompt_screen);
                }
                free(name);
                return true;
        }
        tui_edit_key(&t->prompt, k);
        return true;
}

const struct tui_screen tui_prompt_screen = {
    .name = "prompt",
    .enter = prompt_enter,
    .draw = prompt_draw,
    .key = prompt_key,
    .leave = prompt_leave,
};
