/* A yes/no question before anything that cannot be undone or that ends the
 * session: quit, log out, forget me, start a module again. */
#include <stdlib.h>

#include "tui.h"

static void confirm_draw(struct tui *t)
{
        struct text_lines tl = {0};
        int y, x, h, w;
        int width = t->cols - 4 < 60 ? t->cols - 4 : 60;

        text_wrap(t->confirm_text ? t->confirm_text : "", width - 4, 0, 0, &tl);
        int need = (int)tl.count + 4;
        tui_box(t, need, width, &y, &x, &h, &w);
        for (size_t i = 0; i < tl.count && (int)i < h - 2; i++)
                tui_put(t, y + (int)i, x, w, tl.lines[i].text, A_BOLD);
        bool enter_yes = t->confirm == CONFIRM_QUIT || t->confirm == CONFIRM_LOGOUT;
        tui_put(t, y + h - 1, x, w, enter_yes ? "y or Enter yes    n no" : "y yes    n no",
                A_NORMAL);
        text_lines_free(&tl);
        tui_status_of(t, NULL, TKN(TA_YES, NULL, enter_yes ? "y/Enter" : NULL), TK(TA_NO),
                      TK(TA_ESC));
}

static void confirmed(struct tui *t)
{
        enum tui_confirm what = t->confirm;

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
                }
                break;
        }
}

static bool confirm_key(struct tui *t, const struct tui_key *k)
{
        /* Enter takes the default, yes, only where nothing is lost. */
        if (k->act == TA_YES ||
            (k->act == TA_ENTER && (t->confirm == CONFIRM_QUIT || t->confirm == CONFIRM_LOGOUT))) {
                confirmed(t);
                return true;
        }
        if (k->act == TA_NO || k->act == TA_ESC || k->act == TA_QUIT || k->act == TA_INTERRUPT) {
                /* q at "Quit?" means yes: pressing q twice quits, like most tools. */
                if (k->act == TA_QUIT && t->confirm == CONFIRM_QUIT) {
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
    .draw = confirm_draw,
    .key = confirm_key,
};
