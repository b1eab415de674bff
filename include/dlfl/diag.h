/* Diagnostics about module files. Every message the loader can give is one
 * row of the table in diag.c (code, level, printf format), so wording is
 * consistent and reviewable in one place. Diagnostics are collected, never
 * printed by the code that finds them. */
#ifndef DLFL_DIAG_H
#define DLFL_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR };

/* Ordered by level, as mandoc's enum mandocerr: a code's level is where it
 * stands between the sentinels, so adding a message is one line in the right
 * block here and one row in diag.c. Warnings are W_, errors E_. */
enum diag_code {
        D_WARNING = 0, /* ===== start of warnings ===== */
        W_SINGLE_ALL_CORRECT,
        W_TEXT_CONTROL, /* %s key, %s char name */
        W_TEXT_BIDI,    /* %s key, %s */
        W_DUP_ANSWER,   /* %s */
        W_NO_EXPLANATION,
        W_LONG_LESSON, /* %zu words */
        W_DUP_CHOICE,  /* %s text */
        W_NO_FIT,      /* %d lines needed, %d lines */
        W_DIR_EMPTY,
        W_PKSB_UNKNOWN, /* %s name */
        W_PKSB_NEAR,    /* %s name, %s suggestion */
        W_REVIEWED_OLD, /* %s date */

        D_ERROR, /* ===== start of errors ===== */
        /* files and YAML syntax */
        E_FILE_OPEN,       /* %s: strerror */
        E_FILE_READ,       /* %s */
        E_FILE_TOO_BIG,    /* %llu bytes */
        E_DIR_OPEN,        /* %s */
        E_YAML_SYNTAX,     /* %s problem, %s context */
        E_YAML_ENCODING,   /* %s */
        E_YAML_DEPTH,      /* %d limit */
        E_YAML_SCALAR_BIG, /* %zu */
        E_YAML_ANCHOR,     /* %s anchor name */
        E_YAML_ALIAS,      /* %s */
        E_YAML_TAG,        /* %s */
        E_YAML_DUP_KEY,    /* %s key, %u first line */
        E_YAML_KEY_NOT_SCALAR,
        E_YAML_MULTI_DOC,
        E_YAML_EMPTY,
        /* shape */
        E_EXPECT_MAPPING,   /* %s what */
        E_EXPECT_SEQUENCE,  /* %s */
        E_EXPECT_SCALAR,    /* %s */
        E_EXPECT_STRING,    /* %s */
        E_EXPECT_INT,       /* %s */
        E_EXPECT_NUMBER,    /* %s */
        E_EXPECT_BOOL,      /* %s */
        E_UNKNOWN_KEY,      /* %s key, %s where */
        E_UNKNOWN_KEY_HINT, /* %s key, %s where, %s suggestion */
        E_MISSING_KEY,      /* %s key, %s where */
        E_EMPTY_TEXT,       /* %s key */
        E_EMPTY_LIST,       /* %s key */
        /* values */
        E_FORMAT_VERSION,     /* %s value */
        E_BAD_ID,             /* %s */
        E_ID_TOO_LONG,        /* %s */
        E_DUP_MODULE_ID,      /* %s id, %s other file */
        E_DUP_SECTION_ID,     /* %s, %u line */
        E_DUP_SCREEN_ID,      /* %s, %u line */
        E_DUP_STEP_ID,        /* %s, %u line */
        E_BAD_TYPE,           /* %s */
        E_BAD_KIND,           /* %s, then every kind (kinds_names) */
        E_FIELD_NOT_FOR_KIND, /* %s key, %s kind */
        E_FIELD_NOT_FOR_TYPE, /* %s key, %s type */
        E_RANGE,              /* %s key, %s range text */
        E_COUNT,              /* %s key, %zu min, %zu max, %zu got */
        E_NO_CORRECT,         /* (none) */
        E_CORRECT_IN_CASE,    /* */
        E_NEXT_IN_QUESTION,   /* */
        E_NEXT_MISSING,       /* choice in case step without next */
        E_NEXT_UNKNOWN,       /* %s */
        E_START_UNKNOWN,      /* %s */
        E_STEP_BOTH,          /* %s */
        E_STEP_NEITHER,       /* %s */
        E_BAD_ENDING,         /* %s */
        E_STEP_UNREACHABLE,   /* %s */
        E_STEP_NO_ENDING,     /* %s */
        E_NO_STEPS_FIELDS,    /* start without steps */
        E_TOO_MANY_SCREENS,   /* %zu */

        D_MAX /* ===== end of codes ===== */
};

struct diag {
        enum diag_code code;
        enum diag_level level;
        const char *file; /* borrowed from the owner of the list */
        unsigned line;    /* 1-based; 0 when the file as a whole is at fault */
        unsigned column;  /* 1-based */
        char *message;    /* owned */
};

/* A growing list of diagnostics. File names added with diag_file() are
 * copied and owned by the list. */
struct diag_list {
        struct diag *items;
        size_t count, cap;
        char **files;
        size_t nfiles, files_cap;
        size_t errors, warnings;
};

/* Returns a stable copy of path owned by the list, for struct diag.file. */
const char *diag_file(struct diag_list *list, const char *path);
void diag_add(struct diag_list *list, const char *file, unsigned line, unsigned column,
              enum diag_code code, ...);
void diag_add_v(struct diag_list *list, const char *file, unsigned line, unsigned column,
                enum diag_code code, va_list ap);
/* Drops the diagnostics added after the list held count. */
void diag_truncate(struct diag_list *list, size_t count);
enum diag_level diag_level_of(enum diag_code code);
/* The exit status for a list: the worst level seen (0 for none or only
 * warnings, 1 once there is an error). */
int diag_exit_status(const struct diag_list *list);
/* Sorts by file order of insertion, then line, then column, keeping the
 * order of equal positions. */
void diag_sort(struct diag_list *list);
/* Prints "FILE:LINE:COLUMN: error|warning: MESSAGE" lines. */
void diag_print(const struct diag_list *list, FILE *out);
void diag_free(struct diag_list *list);
/* Edit distance between two short keys (999 when either is long), for
 * "did you mean" suggestions. */
size_t diag_distance(const char *a, const char *b);
/* The same ignoring ASCII case, except that a difference of case alone
 * counts 1 (so that the right spelling is suggested). */
size_t diag_distance_nocase(const char *a, const char *b);
/* The allowed key (a NULL-terminated list) that key was likely meant to be:
 * one or two edits away, and not most of the word; NULL when none is. */
const char *diag_near_key(const char *key, const char *const *allowed);

#endif
