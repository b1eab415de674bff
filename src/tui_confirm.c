/* A yes/no question before anything that cannot be undone or that ends the
 * session: quit, log out, forget me, start a module again. */
#include <stdlib.h>

#include "dlfl/xalloc.h"
#include "dlfl/present.h"
#include "tui.h"

struct confirm {
        enum tui_confirm what;
        char *text;
};

void tui_ask(struct tui *t, enum tui_confirm what, const char *question)
{
        struct confirm *c;

        tui_open_overlay(t, &tui_confirm_screen);
        c = tui_state(t, &tui_confirm_screen);
        c->what = what;
        c->text = xstrdup(question);
}

static void confirm_leave(struct tui *t)
{
        struct confirm *c = tui_state(t, &tui_confirm_screen);

        free(c->text);
}

static void confirm_draw(struct tui *t)
{
        struct confirm *c = tui_state(t, &tui_confirm_screen);
        struct text_lines tl = {0};
        int y, x, h, w;
        int width = t->cols - 4 < 60 ? t->cols - 4 : 60;

        text_wrap(c->text != NULL ? c->text : "", width - 4, 0, 0, &tl);
        int need = (int)tl.count + 4;
        tui_box(t, need, width, &y, &x, &h, &w);
        for (size_t i = 0; i < tl.count && (int)i < h - 2; i++)
                tui_put(t, y + (int)i, x, w, tl.lines[i].text, A_BOLD);
        bool enter_yes = c->what == CONFIRM_QUIT || c->what == CONFIRM_LOGOUT;
        tui_put(t, y + h - 1, x, w, enter_yes ? "y or Enter yes    n no" : "y yes    n no",
                A_NORMAL);
        text_lines_free(&tl);
        /* q says yes to "Quit?" (q twice quits) and no to the others. */
        if (c->what == CONFIRM_QUIT)
                tui_status_of(t, NULL, TKN(TA_YES, NULL, "y/Enter/q"), TK(TA_NO), TK(TA_ESC));
        else
                tui_status_of(t, NULL, TKN(TA_YES, NULL, enter_yes ? "y/Enter" : NULL),
                              TKN(TA_NO, NULL, "n/q"), TK(TA_ESC));
}

static void confirmed(struct tui *t)
{
        enum tui_confirm what = ((struct confirm *)tui_state(t, &tui_confirm_screen))->what;

        tui_close_overlay(t);
        switch (what) {
        case CONFIRM_QUIT:
                t->quit = true;
                break;
        case CONFIRM_LOGOUT:
                tui_logout(t);
                break;
        case CONFIRM_RESTART:
                if (t->sess != NULL) {
                        session_restart(t->sess, tui_now());
                        tui_show_position(t);
                        tui_message(t, false, "%s", present_again_started(false));
                }
                break;
        }
}

static bool confirm_key(struct tui *t, const struct tui_key *k)
{
        enum tui_confirm what = ((struct confirm *)tui_state(t, &tui_confirm_screen))->what;

        /* Enter takes the default, yes, only where nothing is lost. */
        if (k->act == TA_YES ||
            (k->act == TA_ENTER && (what == CONFIRM_QUIT || what == CONFIRM_LOGOUT))) {
                confirmed(t);
                return true;
        }
        if (k->act == TA_NO || k->act == TA_ESC || k->act == TA_QUIT || k->act == TA_INTERRUPT) {
                /* q at "Quit?" means yes: pressing q twice quits, like most tools. */
                if (k->act == TA_QUIT && what == CONFIRM_QUIT) {
                        confirmed(t);
                        return true;
                }
                tui_close_overlay(t);
                return true;
        }
        return true; /* everything else waits for an answer */
}

const struct tui_screen tui_confirm_screen = {
    .name = "confirm",
    .state_size = sizeof(struct confirm),
    .draw = confirm_draw,
    .key = confirm_key,
    .leave = confirm_leave,
};
