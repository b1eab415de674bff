/* The registry of export formats: one row a format. `dlfl export` finds
 * its format here, the usage text and messages list the names from here,
 * and nothing else knows which formats there are. */
#include <string.h>

#include "dlfl/export.h"
#include "dlfl/xalloc.h"

/* The registry, one row a format: its --format name, its writer, a few
 * words for the usage text, the extension of the file it is usually saved
 * as, and whether the writer's text is drawn into a PDF (pdf.h). The order
 * is the order of --help. The row also declares its writer, so a new
 * format is its writer in src/export_NAME.c (the Makefile builds every C
 * file in src/) and one row here: no header, list or usage text to edit. */
#define EXPORT_FORMATS(X)                                                                          \
        X("cpd", export_cpd_write, "CPD log (Markdown)", "md", false)                              \
        X("xapi", export_xapi_with, "xAPI statements (JSON)", "json", false)                       \
        X("csv", export_csv_write, "one row per module attempt (CSV)", "csv", false)               \
        X("certificate", export_certificate_write, "certificate of passed modules (PDF)", "pdf",   \
          true)

#define EXPORT_DECLARE(name, write, description, extension, pdf) export_write_fn write;
EXPORT_FORMATS(EXPORT_DECLARE)

/* The writers that need no settings, in the registry's shape. */
bool export_cpd_write(FILE *out, const struct catalog *c, const struct learner_record *r,
                      const struct settings *settings, time_t now, const char **err)
{
        (void)settings;
        return export_cpd(out, c, r, now, err);
}

bool export_csv_write(FILE *out, const struct catalog *c, const struct learner_record *r,
                      const struct settings *settings, time_t now, const char **err)
{
        (void)settings;
        return export_csv(out, c, r, now, err);
}

bool export_certificate_write(FILE *out, const struct catalog *c, const struct learner_record *r,
                              const struct settings *settings, time_t now, const char **err)
{
        (void)settings;
        return export_certificate(out, c, r, now, err);
}

#define EXPORT_ROW(name, write, description, extension, pdf)                                       \
        {name, description, extension, pdf, write},
const struct export_format export_formats[] = {EXPORT_FORMATS(EXPORT_ROW)};
const size_t export_nformats = sizeof(export_formats) / sizeof(export_formats[0]);

const struct export_format *export_find(const char *name)
{
        if (name == NULL)
                return NULL;
        for (size_t i = 0; i < export_nformats; i++)
                if (strcmp(name, export_formats[i].name) == 0)
                        return &export_formats[i];
        return NULL;
}

char *export_names(const char *sep, const char *last)
{
        size_t len = 1;
        char *s;

        for (size_t i = 0; i < export_nformats; i++)
                len += strlen(export_formats[i].name) + strlen(sep) + strlen(last);
        s = xmalloc(len);
        s[0] = '\0';
        for (size_t i = 0; i < export_nformats; i++) {
                if (i > 0)
                        strcat(s, i + 1 == export_nformats ? last : sep);
                strcat(s, export_formats[i].name);
        }
        return s;
}
