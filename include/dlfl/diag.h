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

enum diag_code {
        /* files and YAML syntax */
        D_FILE_OPEN,       /* %s: strerror */
        D_FILE_READ,       /* %s */
        D_FILE_TOO_BIG,    /* %llu bytes */
        D_DIR_OPEN,        /* %s */
        D_DIR_EMPTY,       /* (none) */
        D_YAML_SYNTAX,     /* %s problem, %s context */
        D_YAML_ENCODING,   /* %s */
        D_YAML_DEPTH,      /* %d limit */
        D_YAML_SCALAR_BIG, /* %zu */
        D_YAML_ANCHOR,     /* %s anchor name */
        D_YAML_ALIAS,      /* %s */
        D_YAML_TAG,        /* %s */
        D_YAML_DUP_KEY,    /* %s key, %u first line */
        D_YAML_KEY_NOT_SCALAR,
        D_YAML_MULTI_DOC,
        D_YAML_EMPTY,
        /* shape */
        D_EXPECT_MAPPING,   /* %s what */
        D_EXPECT_SEQUENCE,  /* %s */
        D_EXPECT_SCALAR,    /* %s */
        D_EXPECT_STRING,    /* %s */
        D_EXPECT_INT,       /* %s */
        D_EXPECT_NUMBER,    /* %s */
        D_EXPECT_BOOL,      /* %s */
        D_UNKNOWN_KEY,      /* %s key, %s where */
        D_UNKNOWN_KEY_HINT, /* %s key, %s where, %s suggestion */
        D_MISSING_KEY,      /* %s key, %s where */
        D_EMPTY_TEXT,       /* %s key */
        D_EMPTY_LIST,       /* %s key */
        /* values */
        D_FORMAT_VERSION,     /* %s value */
        D_BAD_ID,             /* %s */
        D_ID_TOO_LONG,        /* %s */
        D_DUP_MODULE_ID,      /* %s id, %s other file */
        D_DUP_SECTION_ID,     /* %s, %u line */
        D_DUP_SCREEN_ID,      /* %s, %u line */
        D_DUP_STEP_ID,        /* %s, %u line */
        D_BAD_TYPE,           /* %s */
        D_BAD_KIND,           /* %s, then every kind (kinds_names) */
        D_FIELD_NOT_FOR_KIND, /* %s key, %s kind */
        D_FIELD_NOT_FOR_TYPE, /* %s key, %s type */
        D_RANGE,              /* %s key, %s range text */
        D_COUNT,              /* %s key, %zu min, %zu max, %zu got */
        D_NO_CORRECT,         /* (none) */
        D_SINGLE_ALL_CORRECT, /* */
        D_CORRECT_IN_CASE,    /* */
        D_NEXT_IN_QUESTION,   /* */
        D_NEXT_MISSING,       /* choice in case step without next */
        D_NEXT_UNKNOWN,       /* %s */
        D_START_UNKNOWN,      /* %s */
        D_STEP_BOTH,          /* %s */
        D_STEP_NEITHER,       /* %s */
        D_BAD_ENDING,         /* %s */
        D_STEP_UNREACHABLE,   /* %s */
        D_STEP_NO_ENDING,     /* %s */
        D_NO_STEPS_FIELDS,    /* start without steps */
        D_TOO_MANY_SCREENS,   /* %zu */
        D_TEXT_CONTROL,       /* %s key, %s char name */
        D_TEXT_BIDI,          /* %s key, %s */
        D_DUP_ANSWER,         /* %s */
        /* warnings */
        W_NO_EXPLANATION,
        W_LONG_LESSON, /* %zu words */
        W_DUP_CHOICE,  /* %s text */
        W_NO_FIT,      /* %d lines needed, %d lines */
        W_EMPTY_DIR,
        W_PKSB_UNKNOWN, /* %s name */
        W_PKSB_NEAR,    /* %s name, %s suggestion */
        W_REVIEWED_OLD, /* %s date */
        D_CODE_COUNT
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
/* Sorts by file order of insertion, then line, then column, keeping the
 * order of equal positions. */
void diag_sort(struct diag_list *list);
/* Prints "FILE:LINE:COLUMN: error|warning: MESSAGE" lines. */
void diag_print(const struct diag_list *list, FILE *out);
void diag_free(struct diag_list *list);
/* Edit distance between two short keys (99 when either is long), for
 * "did you mean" suggestions. */
size_t diag_distance(const char *a, const char *b);

#endif
