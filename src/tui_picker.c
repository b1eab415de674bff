/* The learner picker: existing learners (names only), a new learner, a
 * guest who leaves nothing behind. "Forget me" is on the module menu, for
 * the learner signed in only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dlfl/passphrase.h"
#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

struct picker {
        char **names;
        size_t nnames;
};

static void load_names(struct tui *t)
{
        struct picker *ps = tui_state(t, &tui_picker_screen);
        const char *err = NULL;

        store_names_free(ps->names, ps->nnames);
        ps->names = NULL;
        ps->nnames = 0;
        if (t->store == NULL)
                return;
        ps->names = store_list(t->store, &ps->nnames, &err);
        if (ps->names == NULL) {
                ps->nnames = 0;
                if (err != NULL)
                        tui_message(t, true, "%s", err);
        }
}

static int item_count(const struct tui *t)
{
        const struct picker *ps = tui_state(t, &tui_picker_screen);

        return (int)ps->nnames + 2;
}

static void picker_enter(struct tui *t)
{
        struct picker *ps = tui_state(t, &tui_picker_screen);

        load_names(t);
        t->cursor = ps->nnames > 0 ? 0 : (int)ps->nnames;
}

static void picker_leave(struct tui *t)
{
        struct picker *ps = tui_state(t, &tui_picker_screen);

        store_names_free(ps->names, ps->nnames);
        ps->names = NULL;
        ps->nnames = 0;
}

static void picker_draw(struct tui *t)
{
        struct picker *ps = tui_state(t, &tui_picker_screen);
        struct tui_doc *d = &t->doc;
        char prefix[32];

        /* On a public terminal there is no way out from here. */
        static const struct tui_hint keys[] = {TK(TA_UP),   TKN(TA_ENTER, "open", "Enter/1-9"),
                                               TK(TA_NEW),  TK(TA_GUEST),
                                               TK(TA_HELP), TK(TA_QUIT)};
        size_t nkeys = sizeof keys / sizeof keys[0] - (t->app->kiosk ? 1 : 0);

        tui_status_first(t, keys, nkeys);
        tui_header(t, "dlfl: Digital Leadership for Libraries", "Who is learning?");
        tui_doc_reset(d, tui_text_width(t));
        tui_doc_text(d, "Pick your name, or start as a new learner.", NULL, -1, A_BOLD, 0);
        if (t->store == NULL)
                tui_doc_text(d, "Progress cannot be kept on this computer; only Guest works.", NULL,
                             -1, tui_attr(t, COL_ERROR), 0);
        tui_doc_blank(d);
        for (size_t i = 0; i < ps->nnames; i++) {
                snprintf(prefix, sizeof prefix, "%s%2zu. ",
                         (int)i == t->cursor ? tui_sym(t, "\u203a ", "> ") : "  ", i + 1);
                tui_doc_text(d, ps->names[i], prefix, (int)i, A_NORMAL, 0);
        }
        if (ps->nnames > 0)
                tui_doc_blank(d);
        /* Picked by a letter, where the names have numbers. */
        snprintf(prefix, sizeof prefix, "%s n. ",
                 t->cursor == (int)ps->nnames ? tui_sym(t, "\u203a ", "> ") : "  ");
        tui_doc_text(d, PRESENT_NEW_LEARNER, prefix, (int)ps->nnames, A_NORMAL, 0);
        snprintf(prefix, sizeof prefix, "%s g. ",
                 t->cursor == (int)ps->nnames + 1 ? tui_sym(t, "\u203a ", "> ") : "  ");
        tui_doc_text(d, PRESENT_GUEST, prefix, (int)ps->nnames + 1, A_NORMAL, 0);
        tui_doc_reveal(d, t->cursor, tui_body_rows(t), &t->scroll);
        tui_doc_paint(t, d, &t->scroll, t->cursor);
        tui_status_keys(t, keys, nkeys, NULL);
}

static void activate(struct tui *t, int item)
{
        struct picker *ps = tui_state(t, &tui_picker_screen);

        if (item < (int)ps->nnames) {
                char *name = xstrdup(ps->names[item]);
                tui_login(t, name, false);
                free(name);
        } else if (item == (int)ps->nnames) {
                tui_prompt_open(t, false);
        } else {
                tui_login_guest(t);
        }
}

static bool picker_key(struct tui *t, const struct tui_key *k)
{
        struct picker *ps = tui_state(t, &tui_picker_screen);
        int n = item_count(t);

        if (k->act == TA_NEW) {
                tui_prompt_open(t, false);
                return true;
        }
        if (k->act == TA_GUEST) {
                tui_login_guest(t);
                return true;
        }
        if (k->act == TA_FORGET) {
                /* Nobody forgets another learner from here (product.md). */
                tui_message(t, false,
                            "Open your profile first: \"forget me\" is on your module menu (f).");
                return true;
        }
        if (tui_list_key(&t->cursor, k, n, true, n))
                return true;
        switch (k->act) {
        case TA_DIGIT:
                if (k->digit <= (int)ps->nnames)
                        activate(t, k->digit - 1);
                return true;
        case TA_ENTER:
        case TA_SPACE:
                activate(t, t->cursor);
                return true;
        case TA_BACK:
        case TA_TOC:
        case TA_MENU:
        case TA_HINT:
                return true;
        case TA_QUIT:
                if (t->app->kiosk) {
                        tui_message(t, false, "Pick your name to start, or Guest.");
                        return true;
                }
                return false;
        default:
                return false;
        }
}

/* A new learner's name, entered on the picker: present_new_name decides
 * what it means, as in line mode. */
bool tui_picker_create(struct tui *t, const char *name)
{
        char *existing = NULL;
        const char *why = NULL;
        bool ok;

        switch (present_new_name(t->store, name, &existing, &why)) {
        case PRESENT_NAME_REFUSED:
                tui_message(t, true, "%s", why);
                return false;
        case PRESENT_NAME_EXISTING: {
                char *notice = present_existing_notice(existing);

                tui_message(t, false, "%s", notice);
                free(notice);
                ok = tui_login(t, existing, false);
                free(existing);
                return ok;
        }
        case PRESENT_NAME_NEW:
        default:
                return tui_login(t, name, true);
        }
}

const struct tui_screen tui_picker_screen = {
    .name = "picker",
    .state_size = sizeof(struct picker),
    .enter = picker_enter,
    .draw = picker_draw,
    .key = picker_key,
    .leave = picker_leave,
};
