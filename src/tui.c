/* The ncurses player: terminal set-up and tear-down, signals, the key
 * table, the main loop, and what every screen shares (who is logged in,
 * the open module, saving). The screens themselves are in src/tui_*.c. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dlfl/passphrase.h"
#include "dlfl/present.h"
#include "dlfl/signals.h"
#include "dlfl/xalloc.h"
#include "tui.h"

#define KIOSK_IDLE_DEFAULT 600
/* How often the loop wakes with no key, to see signals and idleness. */
#define TICK_MS 500

static SCREEN *term_screen;

static void end_terminal(void)
{
        if (term_screen != NULL && !isendwin())
                endwin();
}

time_t tui_now(void)
{
        return time(NULL);
}

time_t tui_mono_now(void)
{
        struct timespec ts;

        if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
                return time(NULL);
        return ts.tv_sec;
}

void tui_message(struct tui *t, bool error, const char *fmt, ...)
{
        va_list ap;
        char buf[512];

        va_start(ap, fmt);
        vsnprintf(buf, sizeof buf, fmt, ap);
        va_end(ap);
        free(t->msg);
        t->msg = xstrdup(buf);
        t->msg_error = error;
}

void tui_edit_said_full(struct tui *t, struct tui_edit *e)
{
        if (!e->hit_max)
                return;
        e->hit_max = false;
        char said[96];

        present_too_long(e->max > RECORD_MAX_ANSWER, said, sizeof said);
        tui_message(t, true, "%s", said);
}

void tui_save(struct tui *t)
{
        const char *err = NULL;

        if (t->guest || t->handle == NULL)
                return;
        if (store_save(t->handle, &err)) {
                free(t->save_error);
                t->save_error = NULL;
        } else {
                free(t->save_error);
                t->save_error = xstrdup(err ? err : "the record could not be written");
        }
}

static void save_hook(void *ctx)
{
        tui_save(ctx);
}

/* A screen's state, zeroed. */
static void *new_state(const struct tui_screen *sc)
{
        return sc->state_size > 0 ? xcalloc(1, sc->state_size) : NULL;
}

void *tui_state(const struct tui *t, const struct tui_screen *sc)
{
        if (sc == NULL)
                return NULL;
        if (t->overlay == sc)
                return t->ov_state;
        if (t->screen == sc)
                return t->state;
        return NULL;
}

void tui_switch(struct tui *t, const struct tui_screen *sc)
{
        if (t->overlay != NULL)
                tui_close_overlay(t);
        if (t->screen != NULL && t->screen->leave != NULL)
                t->screen->leave(t);
        free(t->state);
        t->state = new_state(sc);
        t->screen = sc;
        t->cursor = 0;
        t->scroll = 0;
        t->scrolled = false;
        if (sc->enter != NULL)
                sc->enter(t);
        t->dirty = true;
}

void tui_open_overlay(struct tui *t, const struct tui_screen *sc)
{
        if (t->overlay != NULL)
                tui_close_overlay(t);
        t->overlay = sc;
        t->ov_state = new_state(sc);
        t->ov_cursor = 0;
        t->ov_scroll = 0;
        if (sc->enter != NULL)
                sc->enter(t);
        t->dirty = true;
}

void tui_close_overlay(struct tui *t)
{
        const struct tui_screen *sc = t->overlay;

        /* leave() still finds its state through tui_state(). */
        if (sc != NULL && sc->leave != NULL)
                sc->leave(t);
        t->overlay = NULL;
        free(t->ov_state);
        t->ov_state = NULL;
        t->dirty = true;
}

/* A module's screens, by screen type: a new type is one row here and one
 * file (line mode has the same table in plain.c). */
static const struct tui_screen *const content_screens[] = {
    [SCREEN_LESSON] = &tui_lesson_screen,
    [SCREEN_QUESTION] = &tui_question_screen,
    [SCREEN_CASE_STUDY] = &tui_case_screen,
};

void tui_show_position(struct tui *t)
{
        const struct screen *sc;

        if (t->sess == NULL) {
                tui_switch(t, &tui_menu_screen);
                return;
        }
        session_arrive(t->sess, tui_now());
        sc = session_screen(t->sess);
        if (session_on_summary(t->sess) || sc == NULL)
                tui_switch(t, &tui_summary_screen);
        else
                tui_switch(t, content_screens[sc->type]);
}

bool tui_open_module(struct tui *t, size_t index)
{
        if (index >= t->app->catalog.count || t->rec == NULL)
                return false;
        tui_close_module(t);
        t->mod = index;
        t->sess = session_open(t->app->catalog.modules[index], t->rec, t->name, tui_now());
        session_set_save_hook(t->sess, save_hook, t);
        if (session_module_changed(t->sess))
                tui_message(t, false, "%s", PRESENT_MODULE_CHANGED);
        tui_save(t);
        return true;
}

void tui_close_module(struct tui *t)
{
        if (t->sess == NULL)
                return;
        tui_question_keep_draft(t);
        session_tick(t->sess, tui_now());
        session_close(&t->sess, tui_now());
        t->sess = NULL;
        tui_save(t);
}

bool tui_login(struct tui *t, const char *name, bool create)
{
        const char *err = NULL;
        char *notice = NULL;
        struct store_handle *h;

        (void)create;
        if (t->store == NULL) {
                tui_message(t, true, "No place to keep progress: %s",
                            t->store_problem ? t->store_problem : "unknown");
                return false;
        }
        /* Not locked yet: a stranger sitting at the passphrase prompt must
         * not hold the learner's record (tui_login_finish locks it). */
        h = store_peek_learner(t->store, name, &err, &notice);
        if (h == NULL) {
                tui_message(t, true, "%s", err ? err : PRESENT_CANNOT_OPEN);
                return false;
        }
        if (notice != NULL) {
                tui_message(t, true, "%s", notice);
                free(notice);
        }
        tui_pending_drop(t);
        t->pending = h;
        t->pending_name = xstrdup(store_handle_name(h));
        if (passphrase_is_set(store_record(h))) {
                tui_passphrase_open(t, PASS_LOGIN);
                return true;
        }
        tui_login_finish(t);
        return true;
}

void tui_pending_drop(struct tui *t)
{
        store_close_learner(&t->pending);
        t->pending = NULL;
        free(t->pending_name);
        t->pending_name = NULL;
}

void tui_login_finish(struct tui *t)
{
        const char *err = NULL;

        if (t->pending == NULL)
                return;
        if (!store_lock_learner(t->pending, &err)) {
                tui_message(t, true, "%s", err ? err : PRESENT_CANNOT_OPEN);
                tui_pending_drop(t);
                return;
        }
        t->handle = t->pending;
        t->pending = NULL;
        t->rec = store_record(t->handle);
        t->guest = false;
        free(t->name);
        t->name = t->pending_name;
        t->pending_name = NULL;
        free(t->save_error);
        t->save_error = NULL;
        t->last_input = tui_mono_now();
        tui_switch(t, &tui_menu_screen);
}

void tui_login_guest(struct tui *t)
{
        t->rec = record_new("Guest");
        t->guest = true;
        t->handle = NULL;
        free(t->name);
        t->name = xstrdup("Guest");
        t->last_input = tui_mono_now();
        tui_message(t, false, "%s", PRESENT_GUEST_STARTED);
        tui_switch(t, &tui_menu_screen);
}

void tui_logout(struct tui *t)
{
        if (t->overlay != NULL)
                tui_close_overlay(t);
        tui_close_module(t);
        if (t->guest) {
                record_free(&t->rec);
        } else if (t->handle != NULL) {
                tui_save(t);
                store_close_learner(&t->handle);
        }
        t->rec = NULL;
        t->handle = NULL;
        t->guest = false;
        free(t->name);
        t->name = NULL;
        free(t->save_error);
        t->save_error = NULL;
        tui_wipe_screen();
        tui_switch(t, &tui_picker_screen);
}

static bool on_content(const struct tui *t)
{
        if (t->sess == NULL)
                return false;
        if (t->screen == &tui_summary_screen)
                return true;
        for (size_t i = 0; i < sizeof content_screens / sizeof content_screens[0]; i++)
                if (t->screen == content_screens[i])
                        return true;
        return false;
}

static void ask_quit(struct tui *t)
{
        if (t->app->kiosk) {
                /* On a public terminal q hands the terminal to the next
                 * person at once; progress is already saved. */
                if (t->rec != NULL) {
                        tui_logout(t);
                        tui_message(t, false, "%s", PRESENT_LOGGED_OUT);
                }
                return;
        }
        tui_ask(t, CONFIRM_QUIT, "Quit dlfl? Your progress is saved.");
}

bool tui_global_key(struct tui *t, const struct tui_key *k)
{
        switch (k->act) {
        case TA_OPEN:
                tui_open_overlay(t, k->opens);
                return true;
        case TA_HELP:
                tui_open_overlay(t, &tui_help_screen);
                return true;
        case TA_QUIT:
                ask_quit(t);
                return true;
        case TA_INTERRUPT:
                if (!t->app->kiosk)
                        ask_quit(t);
                return true;
        case TA_MENU:
                if (t->rec == NULL)
                        return false;
                tui_close_module(t);
                tui_switch(t, &tui_menu_screen);
                return true;
        case TA_TOC:
                if (t->sess == NULL)
                        return false;
                tui_question_keep_draft(t);
                tui_open_overlay(t, &tui_contents_screen);
                return true;
        case TA_NEXT: {
                if (!on_content(t))
                        return false;
                const char *note = present_going_on(t->sess);

                tui_question_keep_draft(t);
                session_tick(t->sess, tui_now());
                if (session_next(t->sess, tui_now())) {
                        tui_show_position(t);
                        if (note != NULL)
                                tui_message(t, false, "%s", note);
                } else
                        tui_message(t, false, "This is the module summary: m for the menu.");
                return true;
        }
        case TA_BACK:
                if (!on_content(t))
                        return false;
                tui_question_keep_draft(t);
                session_tick(t->sess, tui_now());
                if (session_back(t->sess, tui_now()))
                        tui_show_position(t);
                else
                        tui_message(t, false, "%s", PRESENT_FIRST_SCREEN);
                return true;
        default:
                return false;
        }
}

static struct tui_key read_key(int *status)
{
        struct tui_key k = {.act = TA_NONE};
        wint_t wc;
        int r = get_wch(&wc);

        *status = r;
        if (r == ERR)
                return k;
        k.fkey = r == KEY_CODE_YES;
        k.code = (int)wc;
        return k;
}

static void draw_small(struct tui *t)
{
        /* The words of the contract, lower case, then what to do. */
        static const char *const lines[] = {"terminal too small",
                                            "(dlfl needs 40x12:", "please make it", "larger)"};
        int n = (int)(sizeof lines / sizeof lines[0]);

        for (int i = 0; i < n && i < t->rows; i++) {
                int len = (int)strlen(lines[i]);
                mvaddnstr(i, 0, lines[i], len < t->cols ? len : t->cols);
        }
}

static void draw(struct tui *t)
{
        /* The status area takes the rows its keys need (the top screen's,
         * an overlay's when one is open); the body is laid out around it,
         * so when they change the screen is painted again, at most twice
         * more (a scroll note that changes with the body could otherwise
         * go back and forth). */
        for (int pass = 0; pass < 3; pass++) {
                t->show_cursor = false;
                erase();
                if (t->too_small) {
                        draw_small(t);
                        break;
                }
                t->status_need = tui_status_rows(t);
                t->screen->draw(t);
                if (t->overlay != NULL)
                        t->overlay->draw(t);
                if (t->status_need == tui_status_rows(t))
                        break;
                t->status_rows = t->status_need;
        }
        if (t->show_cursor) {
                curs_set(1);
                move(t->cur_y, t->cur_x);
        } else {
                curs_set(0);
                move(t->rows > 0 ? t->rows - 1 : 0, 0);
        }
        wnoutrefresh(stdscr);
        doupdate();
        t->dirty = false;
}

static void measure(struct tui *t)
{
        t->rows = LINES;
        t->cols = COLS;
        t->too_small = t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS;
}

static void init_colors(struct tui *t)
{
        short bg = COLOR_BLACK;

        t->color = false;
        if (t->app->no_color || !has_colors() || start_color() == ERR)
                return;
        if (use_default_colors() == OK)
                bg = -1;
        init_pair(COL_BAR, COLOR_BLACK, COLOR_CYAN);
        init_pair(COL_RIGHT, COLOR_GREEN, bg);
        init_pair(COL_WRONG, COLOR_RED, bg);
        init_pair(COL_HEADING, COLOR_MAGENTA, bg);
        init_pair(COL_CODE, COLOR_CYAN, bg);
        init_pair(COL_LINK, COLOR_BLUE, bg);
        init_pair(COL_NOTE, COLOR_YELLOW, bg);
        init_pair(COL_ERROR, COLOR_RED, bg);
        t->color = true;
}

/* Under LeakSanitizer (make SANITIZE=1): ncurses keeps the "prescreen" it
 * makes before newterm() for the life of the process, even after
 * delscreen() when the terminal turns out to have no cursor addressing;
 * only leaks of ours should count. LeakSanitizer's documented hook, never
 * called otherwise. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
        return "leak:new_prescr\n";
}

static bool start_terminal(struct tui *t)
{
        const char *cup;

        /* Before newterm(), so curses installs no stop handler of its own. */
        signals_ignore_kiosk(t->app->kiosk);
        term_screen = newterm(NULL, stdout, stdin);
        if (term_screen == NULL)
                return false;
        set_term(term_screen);
        cup = tigetstr("cup");
        if (cup == NULL || cup == (const char *)-1) {
                /* No cursor addressing: the line mode is the honest choice. */
                endwin();
                delscreen(term_screen);
                term_screen = NULL;
                return false;
        }
        die_set_hook(end_terminal);
        atexit(end_terminal);
        if (t->app->kiosk)
                raw(); /* Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys, and do nothing */
        else
                cbreak();
        noecho();
        nonl();
        keypad(stdscr, TRUE);
        set_escdelay(25);
        timeout(TICK_MS);
        init_colors(t);
        signals_install(t->app->kiosk);
        measure(t);
        return true;
}

/* Bytes from the terminal not yet read. */
static bool key_waiting(void)
{
        struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};

        return poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLIN) != 0;
}

/* A terminal that hung up says so to poll(); the loop then saves and
 * leaves at once instead of reading nothing, fast, for ever. */
static bool terminal_gone(void)
{
        struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};

        return poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* At log-out: the screen, and the scrollback where terminfo knows how
 * (E3), are wiped, so the next person sees nothing of the last. */
void tui_wipe_screen(void)
{
        const char *e3 = tigetstr("E3");

        clearok(curscr, TRUE);
        /* putp() goes through stdio, not curses' own buffer: flush it now. */
        if (e3 != NULL && e3 != (const char *)-1) {
                putp(e3);
                fflush(stdout);
        }
}

static void stop_terminal(void)
{
        if (term_screen == NULL)
                return;
        erase();
        refresh();
        endwin();
        delscreen(term_screen);
        term_screen = NULL;
        die_set_hook(NULL);
}

static void idle_logout(struct tui *t)
{
        if (t->overlay != NULL)
                tui_close_overlay(t);
        tui_pending_drop(t);
        tui_logout(t);
        t->last_input = tui_mono_now();
        clearok(curscr, TRUE);
        tui_message(t, false, "%s", PRESENT_IDLE_LOGGED_OUT);
}

static void free_tui(struct tui *t)
{
        tui_doc_free(&t->doc);
        tui_pending_drop(t);
        free(t->state);
        free(t->ov_state);
        free(t->msg);
        free(t->save_error);
        free(t->name);
        free(t->store_problem);
        store_close(&t->store);
}

int tui_run(struct app *app)
{
        struct tui t;
        const char *err = NULL;

        memset(&t, 0, sizeof t);
        t.app = app;
        t.utf8 = text_is_utf8();
        t.idle_timeout =
            app->idle_timeout >= 0 ? app->idle_timeout : (app->kiosk ? KIOSK_IDLE_DEFAULT : 0);
        t.store = store_open(app->data_dir, &err);
        if (t.store == NULL)
                t.store_problem = xstrdup(err ? err : "no data directory");
        if (!start_terminal(&t)) {
                free_tui(&t);
                return FRONT_NO_TERMINAL;
        }
        t.last_input = tui_mono_now();
        tui_switch(&t, &tui_picker_screen);
        if (app->learner != NULL)
                tui_login(&t, app->learner, true);
        int fast_errors = 0;
        while (!t.quit) {
                if (signals_stop)
                        break;
                if (signals_interrupt) {
                        signals_interrupt = 0;
                        if (!app->kiosk)
                                ask_quit(&t);
                        t.dirty = true;
                }
                /* Idle with someone's work open, a passphrase half asked
                 * (holding the record's lock) or a name half typed: hand
                 * the terminal back, clean, to the next person. */
                if (t.idle_timeout > 0 &&
                    (t.rec != NULL || t.pending != NULL || t.overlay != NULL) &&
                    tui_mono_now() - t.last_input >= t.idle_timeout) {
                        idle_logout(&t);
                        t.dirty = true;
                }
                /* Paint only after something happened: an idle terminal
                 * costs nothing but a wake-up to look at the clock. While
                 * keys are waiting (a paste) they are taken first and the
                 * screen painted once after, so a paste costs its length,
                 * not its length times the text's. */
                if (t.dirty && !key_waiting())
                        draw(&t);
                int status;
                struct timespec before, after;
                clock_gettime(CLOCK_MONOTONIC, &before);
                struct tui_key k = read_key(&status);
                /* No time is counted while no key comes: session_tick caps
                 * the gap since the last key, so a learner who walks away
                 * is not credited. */
                if (status == ERR) {
                        /* A read that fails at once, again and again, means
                         * the terminal has gone (a hangup with no SIGHUP):
                         * save and leave rather than spin. */
                        clock_gettime(CLOCK_MONOTONIC, &after);
                        long ms = (after.tv_sec - before.tv_sec) * 1000 +
                                  (after.tv_nsec - before.tv_nsec) / 1000000;
                        if (terminal_gone())
                                break;
                        if (ms < TICK_MS / 4 && !signals_stop && !signals_interrupt) {
                                if (++fast_errors > 100)
                                        break;
                        } else {
                                fast_errors = 0;
                        }
                        continue;
                }
                fast_errors = 0;
                t.dirty = true;
                t.last_input = tui_mono_now();
                if (k.fkey && k.code == KEY_RESIZE) {
                        measure(&t);
                        continue;
                }
                if (t.too_small)
                        continue;
                if (t.msg != NULL) {
                        free(t.msg);
                        t.msg = NULL;
                }
                if (t.sess != NULL)
                        session_tick(t.sess, tui_now());
                const struct tui_screen *sc = t.overlay ? t.overlay : t.screen;
                tui_key_bind(&k, sc);
                bool used = sc->key != NULL && sc->key(&t, &k);
                if (used)
                        continue;
                if (t.overlay != NULL) {
                        if (k.act == TA_ESC || k.act == TA_QUIT)
                                tui_close_overlay(&t);
                        continue;
                }
                tui_global_key(&t, &k);
        }
        /* Every way out saves first: q, SIGTERM, SIGHUP. */
        if (t.overlay != NULL)
                tui_close_overlay(&t);
        tui_close_module(&t);
        if (t.rec != NULL) {
                if (t.guest)
                        record_free(&t.rec);
                else
                        store_close_learner(&t.handle);
        }
        if (t.screen != NULL && t.screen->leave != NULL)
                t.screen->leave(&t);
        stop_terminal();
        free_tui(&t);
        return 0;
}
