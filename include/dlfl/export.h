/* A learner's record turned into something they or their manager can take
 * away: a CPD log (Markdown), xAPI statements (JSON), CSV, a completion
 * certificate (plain text). Pure formatting: the caller reads the record
 * and loads the modules, and decides where the bytes go (dlfl export
 * writes them to stdout or durably to a file).
 *
 * Every writer takes the loaded catalog (titles, outcomes, question texts)
 * and the record; modules the record mentions but the catalog no longer
 * has are still exported, from what the record kept. Each returns false
 * with *err (a sentence, static) when there is nothing to export in that
 * format; write errors are the caller's to detect with ferror(). */
#ifndef DLFL_EXPORT_H
#define DLFL_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "dlfl/model.h"
#include "dlfl/record.h"
#include "dlfl/session.h"

/* The base of every IRI in xAPI statements: modules are BASE/modules/ID,
 * screens BASE/modules/ID/screens/SCREEN_ID, the learner's account
 * homePage is BASE. */
#define EXPORT_IRI_BASE "https://dlfl.invalid"
#define EXPORT_CERT_WIDTH 80

struct settings;

/* A writer as the registry calls it. settings: the xAPI actor, language
 * and reflections (NULL: defaults). A writer in a file of its own declares
 * itself with this type ("export_write_fn export_NAME_write;") just above
 * its definition, so that no header has to name it. */
typedef bool export_write_fn(FILE *out, const struct catalog *c, const struct learner_record *r,
                             const struct settings *settings, time_t now, const char **err);

/* One export format: a row of the registry in export.c, which option
 * parsing, dispatch and the usage text all read. A new format is one
 * writer file (src/export_NAME.c) and one row there. */
struct export_format {
        const char *name;        /* --format NAME */
        const char *description; /* a few words for the usage text */
        const char *extension;   /* of the file it is usually saved as */
        /* The writer's text is the input of the helper program
         * dlfl-certificate, which draws the PDF that is saved (pdf.h); a
         * PDF is never written to a terminal. */
        bool pdf;
        export_write_fn *write;
};

extern const struct export_format export_formats[];
extern const size_t export_nformats;

/* The row called name ("cpd", "xapi", "csv", "certificate"); NULL for
 * none. */
const struct export_format *export_find(const char *name);
/* The names, joined by sep, with last before the last one
 * ("cpd, xapi, csv or certificate"): a fresh string. */
char *export_names(const char *sep, const char *last);

bool export_cpd(FILE *out, const struct catalog *c, const struct learner_record *r, time_t now,
                const char **err);
bool export_xapi(FILE *out, const struct catalog *c, const struct learner_record *r, time_t now,
                 const char **err);
bool export_xapi_with(FILE *out, const struct catalog *c, const struct learner_record *r,
                      const struct settings *settings, time_t now, const char **err);
/* Each statement in turn: its id and its JSON text (one object, no
 * newline), as export_xapi writes them. */
typedef void (*export_statement_fn)(void *ctx, const char *id, const char *json, size_t len);
void export_xapi_each(const struct catalog *c, const struct learner_record *r,
                      const struct settings *settings, time_t now, export_statement_fn fn,
                      void *ctx);
/* A statement voiding statement target, made by the learner (name, and
 * their record's creation time): a fresh string; id receives its own id
 * (derived from the target, so voiding twice is one statement). */
char *export_xapi_void(const char *name, time_t created, const struct settings *settings,
                       const char *target, time_t now, char id[37]);
bool export_csv(FILE *out, const struct catalog *c, const struct learner_record *r, time_t now,
                const char **err);
bool export_certificate(FILE *out, const struct catalog *c, const struct learner_record *r,
                        time_t now, const char **err);

/* Shared by the writers and `dlfl report`. */

/* Indexes into r->modules: the catalog's menu order first, then modules
 * the catalog does not have, in record order. The caller frees. */
size_t *export_module_order(const struct catalog *c, const struct learner_record *r, size_t *n);
/* The module's title: from the catalog, else as last saved, else its id. */
const char *export_title(const struct module *m, const struct module_record *mr);
/* Status and score of attempt i of mr. The current attempt of a loaded
 * module is judged by session_status(); earlier attempts, and modules no
 * longer loaded, by what the attempt recorded. */
void export_attempt_summary(const struct module *m, const struct module_record *mr, size_t i,
                            struct summary *out);
/* "2026-11-29T08:05:51Z" (UTC); "" for 0. */
void export_utc(time_t t, char buf[32]);
/* "2026-11-29" in local time; "" for 0. */
void export_date(time_t t, char buf[16]);
/* ISO 8601 duration: "PT1H2M3S", "PT0S". */
void export_iso_duration(double seconds, char buf[48]);
/* Durations in words and whole minutes are the presentation layer's
 * (present_duration, present_minutes). */

/* CSV for spreadsheets: a UTF-8 byte order mark first, so they read the
 * text as UTF-8. */
void export_csv_begin(FILE *out);
/* A time for a CSV cell: ISO 8601 in UTC, "2026-11-29T08:05:51"; no zone
 * letter, so spreadsheets that detect dates read a date and time (the
 * header says UTC); "" for 0. */
void export_csv_time(time_t t, char buf[32]);
/* One RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote,
 * CR or LF; invalid UTF-8 replaced by U+FFFD; a leading ' when it begins
 * with = + - @ tab or CR, so it is never a formula. first says whether it
 * starts a row (no separator before it). */
void export_csv_field(FILE *out, const char *s, bool first);
void export_csv_end_row(FILE *out);

#endif
