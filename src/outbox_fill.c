/* `dlfl sync`'s first step (outbox.h): every learner's record made into
 * statements, and those no queue holds yet queued, so a sync sends all a
 * learner did, not only what a player with an LRS set queued. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/outbox.h"
#include "dlfl/store.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

/* One line of text for the report: record contents may hold anything. */
static void say(FILE *report, const char *before, const char *text, const char *after)
{
        char *safe = text_sanitize_line_max(text != NULL ? text : "", 300);

        if (report != NULL)
                fprintf(report, "dlfl: %s%s%s\n", before, safe, after);
        free(safe);
}

static bool begun(const struct module_record *mr)
{
        for (size_t i = 0; i < mr->nattempts; i++)
                if (mr->attempts[i].nscreens > 0)
                        return true;
        return false;
}

/* Modules a record holds that the catalog lacks: their statements are
 * made from the record alone (export.h), which the person running the sync
 * should know once, as giving the modules would have sent more. */
static void note_missing(const struct catalog *c, const struct learner_record *r, char ***noted,
                         size_t *nnoted, size_t *cap, FILE *report)
{
        for (size_t i = 0; i < r->nmodules; i++) {
                const char *id = r->modules[i].module;
                bool seen = false;

                if (catalog_find(c, id) != NULL || !begun(&r->modules[i]))
                        continue;
                for (size_t k = 0; k < *nnoted && !seen; k++)
                        seen = strcmp((*noted)[k], id) == 0;
                if (seen)
                        continue;
                *noted = xgrow(*noted, cap, *nnoted + 1, sizeof(**noted));
                (*noted)[(*nnoted)++] = xstrdup(id);
                say(report, "module ", id,
                    " is not among the modules loaded: its statements are made from the "
                    "records alone, without its questions' text (give its directory with -m)");
        }
}

bool outbox_queue_learners(struct store *st, char **names, size_t n, const struct catalog *c,
                           const struct settings *set, FILE *report, size_t *queued)
{
        char **noted = NULL;
        size_t nnoted = 0, cap = 0;
        bool ok = true;

        *queued = 0;
        for (size_t i = 0; i < n; i++) {
                const char *err = NULL;
                /* Read, never locked: a learner in a session is not kept
                 * out, and a save is a rename, so what is read is whole.
                 * Their player queues what they do next, or the next sync. */
                struct learner_record *r = store_read(st, names[i], &err);
                char *why = NULL;
                bool completed;
                int added;

                if (r == NULL) {
                        /* Left as it is; the player moves a damaged record
                         * aside when its learner next signs in. */
                        say(report, "", err != NULL ? err : "a record cannot be read", "");
                        continue;
                }
                added = outbox_queue_record(store_dir(st), c, r, set, &completed, &why);
                if (added < 0) {
                        say(report, "cannot queue statements: ", why, "");
                        free(why);
                        ok = false;
                } else if (added > 0) {
                        *queued += (size_t)added;
                        note_missing(c, r, &noted, &nnoted, &cap, report);
                }
                record_free(&r);
        }
        for (size_t k = 0; k < nnoted; k++)
                free(noted[k]);
        free(noted);
        return ok;
}
