/* The module menu: every module with its minutes and this learner's
 * status, the summary of the one chosen, and "Resume" for the module last
 * worked on. */
#include <stdio.h>
#include <stdlib.h>

#include "dlfl/passphrase.h"
#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

/* The module to resume, as the presentation layer decides, or -1. */
static int resume_index(const struct tui *t)
{
        return present_resume(&t->app->catalog, t->rec);
}

/* Items: 0 is Resume when there is one; then the modules. */
static int first_module_item(const struct tui *t)
{
        return resume_index(t) >= 0 ? 1 : 0;
}

static int item_count(const struct tui *t)
{
        return first_module_item(t) + (int)t->app->catalog.count;
}

static void status_words(const struct module *m, const struct module_record *mr, char *buf,
                         size_t n)
{
        struct summary s;

        session_status(m, mr, &s);
        present_status(&s, buf, n);
}

static void menu_enter(struct tui *t)
{
        t->cursor = 0;
}

/* Every module is listed in two lines (title; minutes and status), so all
 * five fit an 80x24 screen at once; the summary of the module under the
 * cursor follows the list. */
static void menu_draw(struct tui *t)
{
        const struct catalog *c = &t->app->catalog;
        struct tui_doc *d = &t->doc;
        int first = first_module_item(t), resume = resume_index(t);
        char prefix[32], words[96];
        const char *mark = tui_sym(t, "\u203a ", "> ");
        const struct module *chosen = NULL;

        char *who = xasprintf("Learner: %s", t->name ? t->name : "");
        tui_header(t, "dlfl: modules", who);
        free(who);
        tui_doc_reset(d, tui_text_width(t));
        if (c->count == 0)
                tui_doc_text(d, "No modules were found.", NULL, -1, A_BOLD, 0);
        if (resume >= 0) {
                char *line = xasprintf("Resume: %s", c->modules[resume]->title);
                snprintf(prefix, sizeof prefix, "%s", t->cursor == 0 ? mark : "  ");
                tui_doc_text(d, line, prefix, 0, A_BOLD, 0);
                free(line);
                tui_doc_blank(d);
                if (t->cursor == 0)
                        chosen = c->modules[resume];
        }
        for (size_t i = 0; i < c->count; i++) {
                const struct module *m = c->modules[i];
                int item = first + (int)i;
                snprintf(prefix, sizeof prefix, "%s%zu. ", t->cursor == item ? mark : "  ", i + 1);
                tui_doc_text(d, m->title, prefix, item, A_BOLD, 0);
                status_words(m, t->rec ? record_find_module(t->rec, m->id) : NULL, words,
                             sizeof words);
                char *info = m->minutes > 0 ? xasprintf("%d min, %s", m->minutes, words)
                                            : xasprintf("%s", words);
                tui_doc_text(d, info, "     ", item, tui_attr(t, COL_NOTE), 0);
                free(info);
                if (t->cursor == item)
                        chosen = m;
        }
        size_t nb;
        const struct app_broken *b = app_broken(&nb);
        for (size_t i = 0; i < nb; i++) {
                /* Listed, not a menu item: it cannot be opened. */
                char *line = xasprintf("Cannot be opened: %s: %s", b[i].file, b[i].error);
                tui_doc_text(d, line, "  - ", -1, tui_attr(t, COL_WRONG), 0);
                free(line);
        }
        if (chosen != NULL) {
                tui_doc_blank(d);
                tui_doc_md(d, chosen->summary, "  ", -1, A_NORMAL, 0);
        }
        tui_doc_reveal(d, t->cursor, tui_body_rows(t), &t->scroll);
        tui_doc_paint(t, d, &t->scroll, t->cursor);
        /* On a public terminal q is the way to log out; a guest has no
         * passphrase to set and nothing to forget, so p and f are not
         * offered. */
        {
                const struct tui_hint all[] = {
                    TK(TA_UP),         TKN(TA_ENTER, "open", "Enter/1-9"),
                    TK(TA_PASSPHRASE), TK(TA_FORGET),
                    TK(TA_LOGOUT),     TK(TA_HELP),
                    TK(TA_QUIT)};
                struct tui_hint keys[7];
                size_t n = 0;
                bool guest = t->guest || t->handle == NULL;

                for (size_t i = 0; i < 7; i++) {
                        if (guest && (all[i].act == TA_PASSPHRASE || all[i].act == TA_FORGET))
                                continue;
                        if (t->app->kiosk && all[i].act == TA_LOGOUT)
                                continue;
                        keys[n++] = all[i];
                }
                tui_status_keys(t, keys, n, NULL);
        }
}

static void open_item(struct tui *t, int item)
{
        int first = first_module_item(t);

        if (item < first) {
                int r = resume_index(t);
                if (r >= 0 && tui_open_module(t, (size_t)r))
                        tui_show_position(t);
                return;
        }
        if (tui_open_module(t, (size_t)(item - first)))
                tui_switch(t, &tui_intro_screen);
}

static bool menu_key(struct tui *t, const struct tui_key *k)
{
        int n = item_count(t);

        if (n == 0)
                return false;
        if (k->act == TA_PASSPHRASE) {
                if (t->guest || t->rec == NULL) {
                        tui_message(t, false, "A guest has no profile to protect.");
                        return true;
                }
                tui_passphrase_open(t, passphrase_is_set(t->rec) ? PASS_CURRENT : PASS_NEW);
                return true;
        }
        if (k->act == TA_FORGET) {
                if (t->guest || t->handle == NULL) {
                        tui_message(t, false, "Nothing is kept for a guest.");
                        return true;
                }
                tui_prompt_open(t, true);
                return true;
        }
        if (k->act == TA_LOGOUT) {
                tui_logout(t);
                return true;
        }
        if (tui_list_key(&t->cursor, k, n, true, n))
                return true;
        switch (k->act) {
        case TA_DIGIT:
                if (k->digit <= (int)t->app->catalog.count)
                        open_item(t, first_module_item(t) + k->digit - 1);
                return true;
        case TA_ENTER:
        case TA_NEXT:
                open_item(t, t->cursor);
                return true;
        case TA_BACK:
        case TA_MENU:
        case TA_TOC:
                return true;
        default:
                return false;
        }
}

const struct tui_screen tui_menu_screen = {
    .name = "menu",
    .enter = menu_enter,
    .draw = menu_draw,
    .key = menu_key,
};
