/* dlfl: the command line. Parses options, loads modules before any terminal
 * set-up, and hands over to a command or a front end. */
#include <errno.h>
#include <ctype.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dlfl/app.h"
#include "dlfl/export.h"
#include "dlfl/front.h"
#include "dlfl/outbox.h"
#include "dlfl/store.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

static const char usage_text[] =
    "usage: dlfl [OPTIONS]                 start the player\n"
    "       dlfl check FILE|DIR...         validate module files\n"
    "       dlfl list                      list the modules found\n"
    "       dlfl progress [LEARNER]        a learner's progress, or all learners\n"
    "       dlfl export LEARNER --format FORMAT [-o FILE]\n"
    "       dlfl report [--csv]            every learner by every module\n"
    "       dlfl sync                      send queued learning records to the LRS\n"
    "options:\n"
    "  -l, --learner NAME          start as this learner (created if new)\n"
    "  -m, --modules DIR           where modules are (repeatable)\n"
    "  -d, --data-dir DIR          where progress is kept\n"
    "      --plain                 line mode, for screen readers and scripts\n"
    "      --kiosk                 public-terminal mode\n"
    "      --idle-timeout SECONDS  log an idle learner out after this long\n"
    "      --no-color              no colour (NO_COLOR is honoured too)\n"
    "  -c, --config FILE           settings (else $DLFL_CONFIG, else\n"
    "                              $XDG_CONFIG_HOME/dlfl/config.yaml, else\n"
    "                              /etc/dlfl/config.yaml)\n"
    "  -h, --help                  this help\n"
    "  -V, --version               the version\n";
static const char usage_end[] = "See dlfl(1) and dlfl-module(5).\n";

/* The usage text, with the export formats from their registry. */
static int print_usage(void)
{
        fputs(usage_text, stdout);
        fputs("export formats:\n", stdout);
        for (size_t i = 0; i < export_nformats; i++)
                printf("  %-26s  %s\n", export_formats[i].name, export_formats[i].description);
        fputs(usage_end, stdout);
        return ferror(stdout) || fflush(stdout) != 0 ? 1 : 0;
}

enum { OPT_PLAIN = 256, OPT_KIOSK, OPT_IDLE, OPT_NO_COLOR, OPT_FORMAT, OPT_CSV };

static const struct option long_options[] = {
    {"learner", required_argument, NULL, 'l'},
    {"modules", required_argument, NULL, 'm'},
    {"data-dir", required_argument, NULL, 'd'},
    {"plain", no_argument, NULL, OPT_PLAIN},
    {"kiosk", no_argument, NULL, OPT_KIOSK},
    {"idle-timeout", required_argument, NULL, OPT_IDLE},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {"no-colour", no_argument, NULL, OPT_NO_COLOR},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, 'o'},
    {"csv", no_argument, NULL, OPT_CSV},
    {"config", required_argument, NULL, 'c'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
        va_list ap;

        fputs("dlfl: ", stderr);
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputs("\nTry 'dlfl --help'.\n", stderr);
        return 2;
}

/* Options that belong to some commands only: given to any other they are
 * a usage error, never silently ignored (a dropped -o would print what
 * the user meant to write to a file). */
enum {
        ONLY_PLAYER = 1, /* no command: the player */
        ONLY_EXPORT = 2,
        ONLY_REPORT = 4,
};
static const struct {
        const char *name;
        unsigned where;
} scoped[] = {
    {"-l", ONLY_PLAYER},       {"--plain", ONLY_PLAYER},
    {"--kiosk", ONLY_PLAYER},  {"--idle-timeout", ONLY_PLAYER},
    {"--format", ONLY_EXPORT}, {"-o", ONLY_EXPORT},
    {"--csv", ONLY_REPORT},
};
enum { SCOPED_L, SCOPED_PLAIN, SCOPED_KIOSK, SCOPED_IDLE, SCOPED_FORMAT, SCOPED_O, SCOPED_CSV };

/* 2 with a message for the first option given that cmd does not take. */
static int check_scope(unsigned seen, const char *cmd)
{
        static const char *const others[] = {"check", "list", "progress", "sync"};
        unsigned here = cmd == NULL                  ? ONLY_PLAYER
                        : strcmp(cmd, "export") == 0 ? ONLY_EXPORT
                        : strcmp(cmd, "report") == 0 ? ONLY_REPORT
                                                     : 0;
        bool known = here != 0;

        for (size_t i = 0; i < sizeof others / sizeof others[0] && !known; i++)
                known = strcmp(cmd, others[i]) == 0;
        if (!known)
                return 0; /* an unknown command is reported as such */

        for (size_t i = 0; i < sizeof scoped / sizeof scoped[0]; i++)
                if ((seen & (1u << i)) != 0 && (scoped[i].where & here) == 0) {
                        if (cmd == NULL)
                                return usage_error("%s belongs to a command; the player does not "
                                                   "take it",
                                                   scoped[i].name);
                        return usage_error("%s does not take %s", cmd, scoped[i].name);
                }
        return 0;
}

/* The player with a data directory it cannot use exits 1 naming it,
 * before either front end starts (product.md, exit status). */
static bool data_dir_usable(const struct app *app)
{
        const char *err = NULL;
        struct store *st = store_open(app->data_dir, &err);
        bool ok = st != NULL && store_check_dir(st, &err);

        if (!ok)
                fprintf(stderr, "dlfl: %s\n", err != NULL ? err : "no data directory");
        store_close(&st);
        return ok;
}

/* After a getopt error, optopt holds the short option at fault, or 0 or a
 * long option's value. */
static bool short_option(int c)
{
        return c > 0 && c < 128 && isalnum(c);
}

static bool parse_seconds(const char *s, long *out)
{
        char *end;
        long v;

        errno = 0;
        v = strtol(s, &end, 10);
        if (errno != 0 || end == s || *end != '\0' || v < 0 || v > 86400 * 7)
                return false;
        *out = v;
        return true;
}

int main(int argc, char **argv)
{
        struct app app = {.idle_timeout = -1};
        int c, status;
        unsigned seen = 0;

        /* A UTF-8 locale that is asked for but not installed would leave the C
         * locale, where every accented letter shows as '?': fall back to
         * C.UTF-8, which every glibc has. */
        if (setlocale(LC_ALL, "") == NULL) {
                const char *lang = getenv("LC_ALL");
                if (lang == NULL || *lang == '\0')
                        lang = getenv("LC_CTYPE");
                if (lang == NULL || *lang == '\0')
                        lang = getenv("LANG");
                if (lang != NULL && (strstr(lang, "UTF-8") || strstr(lang, "utf8")))
                        setlocale(LC_ALL, "C.UTF-8");
        }
        text_init();
        opterr = 0;
        while ((c = getopt_long(argc, argv, ":l:m:d:o:c:hV", long_options, NULL)) != -1) {
                switch (c) {
                case 'l':
                        app.learner = optarg;
                        seen |= 1u << SCOPED_L;
                        break;
                case 'm':
                        app.modules = xrealloc(app.modules, (app.nmodules + 1) * sizeof(char *));
                        app.modules[app.nmodules++] = optarg;
                        break;
                case 'd':
                        app.data_dir = optarg;
                        break;
                case 'o':
                        app.output = optarg;
                        seen |= 1u << SCOPED_O;
                        break;
                case 'c':
                        if (optarg[0] == '\0')
                                return usage_error("-c needs a settings file");
                        app.config = optarg;
                        break;
                case OPT_PLAIN:
                        app.plain = true;
                        seen |= 1u << SCOPED_PLAIN;
                        break;
                case OPT_KIOSK:
                        app.kiosk = true;
                        seen |= 1u << SCOPED_KIOSK;
                        break;
                case OPT_IDLE:
                        if (!parse_seconds(optarg, &app.idle_timeout))
                                return usage_error(
                                    "--idle-timeout takes whole seconds (0 to 604800), "
                                    "not '%s'",
                                    optarg);
                        seen |= 1u << SCOPED_IDLE;
                        break;
                case OPT_NO_COLOR:
                        app.no_color = true;
                        break;
                case OPT_FORMAT:
                        app.format = optarg;
                        seen |= 1u << SCOPED_FORMAT;
                        break;
                case OPT_CSV:
                        app.csv = true;
                        seen |= 1u << SCOPED_CSV;
                        break;
                case 'h':
                        return print_usage();
                case 'V':
                        printf("dlfl %s\n", DLFL_VERSION);
                        return ferror(stdout) || fflush(stdout) != 0 ? 1 : 0;
                /* getopt's own messages would name argv[0], which may be a
                 * path; every message from dlfl starts "dlfl:". */
                case ':':
                        if (short_option(optopt))
                                return usage_error("-%c needs a value", optopt);
                        return usage_error("%s needs a value", argv[optind - 1]);
                default:
                        if (short_option(optopt))
                                return usage_error("unknown option '-%c'", optopt);
                        return usage_error("unknown option '%s'", argv[optind - 1]);
                }
        }
        if (getenv("NO_COLOR") != NULL && getenv("NO_COLOR")[0] != '\0')
                app.no_color = true;

        int nargs = argc - optind;
        char **args = argv + optind;
        if ((status = check_scope(seen, nargs > 0 ? args[0] : NULL)) != 0) {
                free(app.modules);
                text_finish();
                return status;
        }
        /* Settings say where records go: the player (which queues them),
         * export and sync need them; a wrong file is reported before any
         * terminal set-up. A file named with -c is read whatever the
         * command, so a wrong one is never silently ignored. */
        if (nargs == 0 || app.config != NULL || strcmp(args[0], "export") == 0 ||
            strcmp(args[0], "sync") == 0) {
                if (!settings_load(app.config, &app.settings, stderr)) {
                        settings_free(&app.settings);
                        free(app.modules);
                        text_finish();
                        return 1;
                }
        } else {
                settings_defaults(&app.settings);
        }
        if (nargs == 0) {
                outbox_watch(&app);
                if (!app_load_modules(&app)) {
                        status = 1;
                } else if (!data_dir_usable(&app)) {
                        status = 1;
                } else {
                        const char *term = getenv("TERM");
                        bool plain = app.plain || term == NULL || strcmp(term, "dumb") == 0 ||
                                     !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO);
                        status = plain ? plain_run(&app) : tui_run(&app);
                        /* A terminal curses cannot drive gets line mode. */
                        if (status == FRONT_NO_TERMINAL)
                                status = plain_run(&app);
                }
        } else if (strcmp(args[0], "check") == 0) {
                status = cmd_check(&app, nargs - 1, args + 1);
        } else if (strcmp(args[0], "list") == 0) {
                status = cmd_list(&app, nargs - 1, args + 1);
        } else if (strcmp(args[0], "progress") == 0) {
                status = cmd_progress(&app, nargs - 1, args + 1);
        } else if (strcmp(args[0], "export") == 0) {
                status = cmd_export(&app, nargs - 1, args + 1);
        } else if (strcmp(args[0], "report") == 0) {
                status = cmd_report(&app, nargs - 1, args + 1);
        } else if (strcmp(args[0], "sync") == 0) {
                status = cmd_sync(&app, nargs - 1, args + 1);
        } else {
                status = usage_error("unknown command '%s'", args[0]);
        }
        catalog_free(&app.catalog);
        settings_free(&app.settings);
        free(app.modules);
        text_finish();
        if (fflush(stdout) != 0 && status == 0) {
                fprintf(stderr, "dlfl: cannot write the output: %s\n", strerror(errno));
                status = 1;
        }
        return status;
}
