#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/diag.h"
#include "dlfl/xalloc.h"

/* Every message dlfl check can print, in one place. */
static const struct {
        enum diag_level level;
        const char *format;
} diag_table[D_CODE_COUNT] = {
    [D_FILE_OPEN] = {DIAG_ERROR, "cannot open: %s"},
    [D_FILE_READ] = {DIAG_ERROR, "cannot read: %s"},
    [D_FILE_TOO_BIG] = {DIAG_ERROR, "file is %llu bytes; a module may be at most 8 MiB"},
    [D_DIR_OPEN] = {DIAG_ERROR, "cannot read directory: %s"},
    [D_DIR_EMPTY] = {DIAG_ERROR, "no module files (*.yaml, *.yml) in this directory"},
    [D_YAML_SYNTAX] = {DIAG_ERROR, "YAML syntax: %s"},
    [D_YAML_ENCODING] = {DIAG_ERROR, "not valid UTF-8 text: %s"},
    [D_YAML_DEPTH] = {DIAG_ERROR, "nesting deeper than %d levels"},
    [D_YAML_SCALAR_BIG] = {DIAG_ERROR, "value is %zu bytes; a value may be at most 1 MiB"},
    [D_YAML_ANCHOR] = {DIAG_ERROR, "anchor '&%s' is not allowed in modules; write the text out"},
    [D_YAML_ALIAS] = {DIAG_ERROR, "alias '*%s' is not allowed in modules; write the text out"},
    [D_YAML_TAG] = {DIAG_ERROR, "tag '%s' is not allowed; only the core schema's tags are"},
    [D_YAML_DUP_KEY] = {DIAG_ERROR, "duplicate key '%s' (first at line %u)"},
    [D_YAML_KEY_NOT_SCALAR] = {DIAG_ERROR, "a key must be plain text"},
    [D_YAML_MULTI_DOC] = {DIAG_ERROR, "more than one YAML document; a module is one document"},
    [D_YAML_EMPTY] = {DIAG_ERROR, "the file is empty"},
    [D_EXPECT_MAPPING] = {DIAG_ERROR, "%s must be a mapping of keys and values"},
    [D_EXPECT_SEQUENCE] = {DIAG_ERROR, "'%s' must be a list"},
    [D_EXPECT_SCALAR] = {DIAG_ERROR, "'%s' must be a single value, not a list or mapping"},
    [D_EXPECT_STRING] = {DIAG_ERROR, "'%s' must be text"},
    [D_EXPECT_INT] = {DIAG_ERROR, "'%s' must be a whole number, not '%s'"},
    [D_EXPECT_NUMBER] = {DIAG_ERROR, "'%s' must be a number, not '%s'"},
    [D_EXPECT_BOOL] = {DIAG_ERROR, "'%s' must be true or false, not '%s'"},
    [D_UNKNOWN_KEY] = {DIAG_ERROR, "unknown key '%s' in %s"},
    [D_UNKNOWN_KEY_HINT] = {DIAG_ERROR, "unknown key '%s' in %s; did you mean '%s'?"},
    [D_MISSING_KEY] = {DIAG_ERROR, "missing required key '%s' in %s"},
    [D_EMPTY_TEXT] = {DIAG_ERROR, "'%s' must not be empty"},
    [D_EMPTY_LIST] = {DIAG_ERROR, "'%s' must list at least one entry"},
    [D_FORMAT_VERSION] = {DIAG_ERROR, "format '%s' is not supported; this dlfl reads format 1"},
    [D_BAD_ID] = {DIAG_ERROR, "id '%s' may use only a-z, 0-9 and '-'"},
    [D_ID_TOO_LONG] = {DIAG_ERROR, "id '%s' is longer than 64 characters"},
    [D_DUP_MODULE_ID] = {DIAG_ERROR, "module id '%s' is already used by %s"},
    [D_DUP_SECTION_ID] = {DIAG_ERROR, "section id '%s' is already used at line %u"},
    [D_DUP_SCREEN_ID] = {DIAG_ERROR, "screen id '%s' is already used at line %u"},
    [D_DUP_STEP_ID] = {DIAG_ERROR, "step id '%s' is already used at line %u"},
    [D_BAD_TYPE] = {DIAG_ERROR, "unknown screen type '%s'; use lesson, question or case-study"},
    [D_BAD_KIND] = {DIAG_ERROR, "unknown question kind '%s'; use %s"},
    [D_FIELD_NOT_FOR_KIND] = {DIAG_ERROR, "'%s' does not belong to %s question"},
    [D_FIELD_NOT_FOR_TYPE] = {DIAG_ERROR, "'%s' does not belong to a %s screen"},
    [D_RANGE] = {DIAG_ERROR, "'%s' must be %s"},
    [D_COUNT] = {DIAG_ERROR, "'%s' must have %zu to %zu entries, not %zu"},
    [D_NO_CORRECT] = {DIAG_ERROR, "no choice is marked 'correct: true'"},
    [D_SINGLE_ALL_CORRECT] = {DIAG_WARNING,
                              "every choice is correct, so the question cannot be got wrong"},
    [D_CORRECT_IN_CASE] = {DIAG_ERROR, "'correct' does not belong to a case-study choice"},
    [D_NEXT_IN_QUESTION] = {DIAG_ERROR, "'next' belongs only to case-study choices"},
    [D_NEXT_MISSING] = {DIAG_ERROR, "missing required key 'next' in a case-study choice"},
    [D_NEXT_UNKNOWN] = {DIAG_ERROR, "'next' names step '%s', which does not exist"},
    [D_START_UNKNOWN] = {DIAG_ERROR, "'start' names step '%s', which does not exist"},
    [D_STEP_BOTH] = {DIAG_ERROR,
                     "step '%s' has both 'choices' and 'ending'; an ending has no choices"},
    [D_STEP_NEITHER] = {DIAG_ERROR, "step '%s' needs either 'choices' or 'ending'"},
    [D_BAD_ENDING] = {DIAG_ERROR, "ending '%s' must be good, mixed or poor"},
    [D_STEP_UNREACHABLE] = {DIAG_ERROR, "step '%s' cannot be reached from the start"},
    [D_STEP_NO_ENDING] = {DIAG_ERROR, "from step '%s' no path reaches an ending"},
    [D_NO_STEPS_FIELDS] = {DIAG_ERROR, "'start' needs 'steps'"},
    [D_TOO_MANY_SCREENS] = {DIAG_ERROR, "%zu screens; a module may have at most 10000"},
    [D_TEXT_CONTROL] = {DIAG_WARNING,
                        "'%s' holds the control character %s; it will be shown escaped"},
    [D_TEXT_BIDI] = {DIAG_WARNING,
                     "'%s' holds the bidirectional control %s; it will be shown escaped"},
    [D_DUP_ANSWER] = {DIAG_WARNING, "accepted answer '%s' is listed twice"},
    [W_NO_EXPLANATION] = {DIAG_WARNING, "question '%s' has no explanation"},
    [W_LONG_LESSON] = {DIAG_WARNING, "lesson body is %zu words; keep it under 2000"},
    [W_DUP_CHOICE] = {DIAG_WARNING, "choice text '%s' appears twice"},
    [W_NO_FIT] = {DIAG_WARNING, "question '%s' needs %d lines at 80x24 but the screen shows %d"},
    [W_EMPTY_DIR] = {DIAG_WARNING, "no module files (*.yaml, *.yml) in this directory"},
    [W_PKSB_UNKNOWN] = {DIAG_WARNING,
                        "'%s' is not an area of the PKSB; see dlfl-module(5) for the names"},
    [W_PKSB_NEAR] = {DIAG_WARNING, "'%s' is not an area of the PKSB; did you mean '%s'?"},
    [W_REVIEWED_OLD] = {DIAG_WARNING,
                        "content last reviewed on %s, more than two years ago; check it and "
                        "update 'reviewed'"},
};

enum diag_level diag_level_of(enum diag_code code)
{
        return diag_table[code].level;
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
        d->level = diag_table[code].level;
        d->file = file;
        d->line = line;
        d->column = column;
        va_copy(copy, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        n = vsnprintf(NULL, 0, diag_table[code].format, copy);
        va_end(copy);
        if (n < 0)
                n = 0;
        d->message = xmalloc((size_t)n + 1);
        d->message[0] = '\0';
        vsnprintf(d->message, (size_t)n + 1, diag_table[code].format, ap);
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

/* Edit distance, bounded: keys are short. */
size_t diag_distance(const char *a, const char *b)
{
        size_t la = strlen(a), lb = strlen(b);
        size_t row[64];

        if (la >= 63 || lb >= 63)
                return 99;
        for (size_t j = 0; j <= lb; j++)
                row[j] = j;
        for (size_t i = 1; i <= la; i++) {
                size_t prev = row[0];
                row[0] = i;
                for (size_t j = 1; j <= lb; j++) {
                        size_t cur = row[j];
                        size_t sub = prev + (a[i - 1] != b[j - 1]);
                        size_t best = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
                        row[j] = sub < best ? sub : best;
                        prev = cur;
                }
        }
        return row[lb];
}
