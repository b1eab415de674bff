#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/diag.h"
#include "dlfl/xalloc.h"

/* Every message dlfl check can print, in one place, in the order of
 * enum diag_code (warnings, then errors). */
static const char *const diag_table[D_MAX] = {
    /* warnings */
    [W_SINGLE_ALL_CORRECT] = "every choice is correct, so the question cannot be got wrong",
    [W_TEXT_CONTROL] = "'%s' holds the control character %s; it will be shown escaped",
    [W_TEXT_BIDI] = "'%s' holds the bidirectional control %s; it will be shown escaped",
    [W_DUP_ANSWER] = "accepted answer '%s' is listed twice",
    [W_NO_EXPLANATION] = "question '%s' has no explanation",
    [W_LONG_LESSON] = "lesson body is %zu words; keep it under 2000",
    [W_DUP_CHOICE] = "choice text '%s' appears twice",
    [W_NO_FIT] = "question '%s' needs %d lines at 80x24 but the screen shows %d",
    [W_DIR_EMPTY] = "no module files (*.yaml, *.yml) in this directory",
    [W_PKSB_UNKNOWN] = "'%s' is not an area of the PKSB; see dlfl-module(5) for the names",
    [W_PKSB_NEAR] = "'%s' is not an area of the PKSB; did you mean '%s'?",
    [W_REVIEWED_OLD] = "content last reviewed on %s, more than two years ago; check it and "
                       "update 'reviewed'",
    /* errors */
    [E_FILE_OPEN] = "cannot open: %s",
    [E_FILE_READ] = "cannot read: %s",
    [E_FILE_TOO_BIG] = "file is %llu bytes; a module may be at most 8 MiB",
    [E_DIR_OPEN] = "cannot read directory: %s",
    [E_YAML_SYNTAX] = "YAML syntax: %s",
    [E_YAML_ENCODING] = "not valid UTF-8 text: %s",
    [E_YAML_DEPTH] = "nesting deeper than %d levels",
    [E_YAML_SCALAR_BIG] = "value is %zu bytes; a value may be at most 1 MiB",
    [E_YAML_ANCHOR] = "anchor '&%s' is not allowed in modules; write the text out",
    [E_YAML_ALIAS] = "alias '*%s' is not allowed in modules; write the text out",
    [E_YAML_TAG] = "tag '%s' is not allowed; only the core schema's tags are",
    [E_YAML_DUP_KEY] = "duplicate key '%s' (first at line %u)",
    [E_YAML_KEY_NOT_SCALAR] = "a key must be plain text",
    [E_YAML_MULTI_DOC] = "more than one YAML document; a module is one document",
    [E_YAML_EMPTY] = "the file is empty",
    [E_EXPECT_MAPPING] = "%s must be a mapping of keys and values",
    [E_EXPECT_SEQUENCE] = "'%s' must be a list",
    [E_EXPECT_SCALAR] = "'%s' must be a single value, not a list or mapping",
    [E_EXPECT_STRING] = "'%s' must be text",
    [E_EXPECT_INT] = "'%s' must be a whole number, not '%s'",
    [E_EXPECT_NUMBER] = "'%s' must be a number, not '%s'",
    [E_EXPECT_BOOL] = "'%s' must be true or false, not '%s'",
    [E_UNKNOWN_KEY] = "unknown key '%s' in %s",
    [E_UNKNOWN_KEY_HINT] = "unknown key '%s' in %s; did you mean '%s'?",
    [E_MISSING_KEY] = "missing required key '%s' in %s",
    [E_EMPTY_TEXT] = "'%s' must not be empty",
    [E_EMPTY_LIST] = "'%s' must list at least one entry",
    [E_FORMAT_VERSION] = "format '%s' is not supported; this dlfl reads format 1",
    [E_BAD_ID] = "id '%s' may use only a-z, 0-9 and '-'",
    [E_ID_TOO_LONG] = "id '%s' is longer than 64 characters",
    [E_DUP_MODULE_ID] = "module id '%s' is already used by %s",
    [E_DUP_SECTION_ID] = "section id '%s' is already used at line %u",
    [E_DUP_SCREEN_ID] = "screen id '%s' is already used at line %u",
    [E_DUP_STEP_ID] = "step id '%s' is already used at line %u",
    [E_BAD_TYPE] = "unknown screen type '%s'; use lesson, question or case-study",
    [E_BAD_KIND] = "unknown question kind '%s'; use %s",
    [E_FIELD_NOT_FOR_KIND] = "'%s' does not belong to %s question",
    [E_FIELD_NOT_FOR_TYPE] = "'%s' does not belong to a %s screen",
    [E_RANGE] = "'%s' must be %s",
    [E_COUNT] = "'%s' must have %zu to %zu entries, not %zu",
    [E_NO_CORRECT] = "no choice is marked 'correct: true'",
    [E_CORRECT_IN_CASE] = "'correct' does not belong to a case-study choice",
    [E_NEXT_IN_QUESTION] = "'next' belongs only to case-study choices",
    [E_NEXT_MISSING] = "missing required key 'next' in a case-study choice",
    [E_NEXT_UNKNOWN] = "'next' names step '%s', which does not exist",
    [E_START_UNKNOWN] = "'start' names step '%s', which does not exist",
    [E_STEP_BOTH] = "step '%s' has both 'choices' and 'ending'; an ending has no choices",
    [E_STEP_NEITHER] = "step '%s' needs either 'choices' or 'ending'",
    [E_BAD_ENDING] = "ending '%s' must be good, mixed or poor",
    [E_STEP_UNREACHABLE] = "step '%s' cannot be reached from the start",
    [E_STEP_NO_ENDING] = "from step '%s' no path reaches an ending",
    [E_NO_STEPS_FIELDS] = "'start' needs 'steps'",
    [E_TOO_MANY_SCREENS] = "%zu screens; a module may have at most 10000",
};

enum diag_level diag_level_of(enum diag_code code)
{
        return code >= D_ERROR ? DIAG_ERROR : DIAG_WARNING;
}

int diag_exit_status(const struct diag_list *list)
{
        enum diag_level worst = DIAG_WARNING;

        for (size_t i = 0; i < list->count; i++)
                if (list->items[i].level > worst)
                        worst = list->items[i].level;
        return list->count > 0 && worst == DIAG_ERROR ? 1 : 0;
}

const char *diag_file(struct diag_list *list, const char *path)
{
        for (size_t i = list->nfiles; i > 0; i--)
                if (strcmp(list->files[i - 1], path) == 0)
                        return list->files[i - 1];
        list->files = xgrow(list->files, &list->files_cap, list->nfiles + 1, sizeof(char *));
        list->files[list->nfiles] = xstrdup(path);
        return list->files[list->nfiles++];
}

void diag_add(struct diag_list *list, const char *file, unsigned line, unsigned column,
              enum diag_code code, ...)
{
        va_list ap;

        va_start(ap, code);
        diag_add_v(list, file, line, column, code, ap);
        va_end(ap);
}

void diag_add_v(struct diag_list *list, const char *file, unsigned line, unsigned column,
                enum diag_code code, va_list ap)
{
        va_list copy;
        int n;
        struct diag *d;

        list->items = xgrow(list->items, &list->cap, list->count + 1, sizeof(*list->items));
        d = &list->items[list->count++];
        d->code = code;
        d->level = diag_level_of(code);
        d->file = file;
        d->line = line;
        d->column = column;
        va_copy(copy, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        n = vsnprintf(NULL, 0, diag_table[code], copy);
        va_end(copy);
        if (n < 0)
                n = 0;
        d->message = xmalloc((size_t)n + 1);
        d->message[0] = '\0';
        vsnprintf(d->message, (size_t)n + 1, diag_table[code], ap);
#pragma GCC diagnostic pop
        if (d->level == DIAG_ERROR)
                list->errors++;
        else
                list->warnings++;
}

void diag_truncate(struct diag_list *list, size_t count)
{
        while (list->count > count) {
                struct diag *d = &list->items[--list->count];
                if (d->level == DIAG_ERROR)
                        list->errors--;
                else
                        list->warnings--;
                free(d->message);
        }
}

static size_t file_rank(const struct diag_list *list, const char *file)
{
        for (size_t i = 0; i < list->nfiles; i++)
                if (list->files[i] == file)
                        return i;
        return list->nfiles;
}

void diag_sort(struct diag_list *list)
{
        /* Insertion sort: stable, and lists are short. */
        for (size_t i = 1; i < list->count; i++) {
                struct diag d = list->items[i];
                size_t rank = file_rank(list, d.file);
                size_t j = i;

                while (j > 0) {
                        const struct diag *p = &list->items[j - 1];
                        size_t prank = file_rank(list, p->file);

                        if (prank < rank ||
                            (prank == rank &&
                             (p->line < d.line || (p->line == d.line && p->column <= d.column))))
                                break;
                        list->items[j] = *p;
                        j--;
                }
                list->items[j] = d;
        }
}

void diag_print(const struct diag_list *list, FILE *out)
{
        for (size_t i = 0; i < list->count; i++) {
                const struct diag *d = &list->items[i];
                const char *level = d->level == DIAG_ERROR ? "error" : "warning";

                /* A problem with the whole file (cannot open, too big) is
                 * put at 1:1, so every line parses as FILE:LINE:COLUMN. */
                fprintf(out, "%s:%u:%u: %s: %s\n", d->file, d->line > 0 ? d->line : 1,
                        d->line > 0 && d->column > 0 ? d->column : 1, level, d->message);
        }
}

void diag_free(struct diag_list *list)
{
        for (size_t i = 0; i < list->count; i++)
                free(list->items[i].message);
        for (size_t i = 0; i < list->nfiles; i++)
                free(list->files[i]);
        free(list->items);
        free(list->files);
        memset(list, 0, sizeof(*list));
}

static int fold(int ch, bool nocase)
{
        return nocase && ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* Edit distance, bounded: keys and area names are short. */
static size_t edit_distance(const char *a, const char *b, bool nocase)
{
        size_t la = strlen(a), lb = strlen(b);
        size_t row[128];

        if (la >= 127 || lb >= 127)
                return 999;
        for (size_t j = 0; j <= lb; j++)
                row[j] = j;
        for (size_t i = 1; i <= la; i++) {
                size_t prev = row[0];
                row[0] = i;
                for (size_t j = 1; j <= lb; j++) {
                        size_t cur = row[j];
                        size_t sub = prev + (fold(a[i - 1], nocase) != fold(b[j - 1], nocase));
                        size_t best = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
                        row[j] = sub < best ? sub : best;
                        prev = cur;
                }
        }
        return row[lb];
}

size_t diag_distance(const char *a, const char *b)
{
        return edit_distance(a, b, false);
}

const char *diag_near_key(const char *key, const char *const *allowed)
{
        const char *best = NULL;
        size_t best_d = 99;

        for (; allowed != NULL && *allowed != NULL; allowed++) {
                size_t d = diag_distance(key, *allowed);

                if (d < best_d) {
                        best_d = d;
                        best = *allowed;
                }
        }
        return best != NULL && best_d <= 3 && best_d * 2 <= strlen(best) ? best : NULL;
}

size_t diag_distance_nocase(const char *a, const char *b)
{
        /* A difference of case alone still counts, so that it is named. */
        size_t d = edit_distance(a, b, true);
        return d == 0 && strcmp(a, b) != 0 ? 1 : d;
}
