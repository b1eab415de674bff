/* The module menu: every module with its minutes and this learner's
 * status, the summary of the one chosen, and "Resume" for the module last
 * worked on. */
#include <stdio.h>
#include <stdlib.h>

#include "dlfl/passphrase.h"
#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

/* What the menu says, worked out when it is entered or the record it
 * shows changes (another learner), not on every key and draw. */
struct menu {
        const struct learner_record *rec; /* what these were worked out from */
        bool ready;
        int resume;  /* the module to resume, as the presentation layer decides, or -1 */
        char **info; /* each module's status and minutes */
        size_t n;
};

static void menu_forget(struct menu *v)
{
        for (size_t i = 0; i < v->n; i++)
                free(v->info[i]);
        free(v->info);
        v->info = NULL;
        v->n = 0;
        v->ready = false;
}

static struct menu *menu_view(const struct tui *t)
{
        struct menu *v = tui_state(t, &tui_menu_screen);
        const struct catalog *c = &t->app->catalog;

        if (v->ready && v->rec == t->rec)
                return v;
        menu_forget(v);
        v->rec = t->rec;
        v->resume = present_resume(c, t->rec);
        v->info = xcalloc(c->count > 0 ? c->count : 1, sizeof *v->info);
        for (size_t i = 0; i < c->count; i++) {
                const struct module *m = c->modules[i];
                struct summary s;
                char buf[160];

                session_status(m, t->rec ? record_find_module(t->rec, m->id) : NULL, &s);
                present_menu_info(m, &s, buf, sizeof buf);
                v->info[i] = xstrdup(buf);
        }
        v->n = c->count;
        v->ready = true;
        return v;
}

/* Items: 0 is Resume when there is one; then the modules. */
static int first_module_item(const struct tui *t)
{
        return menu_view(t)->resume >= 0 ? 1 : 0;
}

static int item_count(const struct tui *t)
{
        return first_module_item(t) + (int)t->app->catalog.count;
}

static void menu_enter(struct tui *t)
{
        t->cursor = 0;
        menu_forget(tui_state(t, &tui_menu_screen));
        menu_view(t);
}

static void menu_leave(struct tui *t)
{
        struct menu *v = tui_state(t, &tui_menu_screen);

        if (v != NULL)
                menu_forget(v);
}

/* The menu's keys. On a public terminal q is the way to log out; a guest
 * has no passphrase to set and nothing to forget, so p and f are not
 * offered. */
static size_t menu_keys(const struct tui *t, struct tui_hint keys[7])
{
        const struct tui_hint all[] = {TK(TA_UP),         TKN(TA_ENTER, "open", "Enter/1-9"),
                                       TK(TA_PASSPHRASE), TK(TA_FORGET),
                                       TK(TA_LOGOUT),     TK(TA_HELP),
                                       TK(TA_QUIT)};
        size_t n = 0;
        bool guest = t->guest || t->handle == NULL;

        for (size_t i = 0; i < 7; i++) {
                if (guest && (all[i].act == TA_PASSPHRASE || all[i].act == TA_FORGET))
                        continue;
                if (t->app->kiosk && all[i].act == TA_LOGOUT)
                        continue;
                keys[n++] = all[i];
        }
        return n;
}

/* Every module is listed in two lines (title; minutes and status), so all
 * five fit an 80x24 screen at once; the summary of the module under the
 * cursor follows the list. */
static void menu_draw(struct tui *t)
{
        const struct catalog *c = &t->app->catalog;
        struct tui_doc *d = &t->doc;
        const struct menu *v = menu_view(t);
        int first = first_module_item(t), resume = v->resume;
        char prefix[32];
        const char *mark = tui_sym(t, "\u203a ", "> ");
        const struct module *chosen = NULL;
        struct tui_hint keys[7];
        size_t nkeys = menu_keys(t, keys);

        tui_status_first(t, keys, nkeys);
        char *who = present_menu_heading(t->name);
        tui_header(t, "dlfl: modules", who);
        free(who);
        tui_doc_reset(d, tui_text_width(t));
        if (c->count == 0)
                tui_doc_text(d, PRESENT_NO_MODULES, NULL, -1, A_BOLD, 0);
        if (resume >= 0) {
                char *line = present_resume_item(c->modules[resume]);
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
                tui_doc_text(d, v->info[i], "     ", item, tui_attr(t, COL_NOTE), 0);
                if (t->cursor == item)
                        chosen = m;
        }
        size_t nb;
        const struct app_broken *b = app_broken(&nb);
        for (size_t i = 0; i < nb; i++) {
                /* Listed, not a menu item: it cannot be opened. */
                char *line = present_broken(b[i].file, b[i].error);
                tui_doc_text(d, line, "  - ", -1, tui_attr(t, COL_WRONG), 0);
                free(line);
        }
        if (chosen != NULL) {
                tui_doc_blank(d);
                tui_doc_md(d, chosen->summary, "  ", -1, A_NORMAL, 0);
        }
        tui_doc_reveal(d, t->cursor, tui_body_rows(t), &t->scroll);
        tui_doc_paint(t, d, &t->scroll, t->cursor);
        tui_status_keys(t, keys, nkeys, NULL);
}

static void open_item(struct tui *t, int item)
{
        int first = first_module_item(t);

        if (item < first) {
                int r = menu_view(t)->resume;
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
                        tui_message(t, false, "%s", PRESENT_GUEST_NOTHING);
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
    .state_size = sizeof(struct menu),
    .enter = menu_enter,
    .draw = menu_draw,
    .key = menu_key,
    .leave = menu_leave,
};
