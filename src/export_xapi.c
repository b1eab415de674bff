/* xAPI export: xAPI 1.0.3 statements, as a JSON array ready to POST to a
 * Learning Record Store, or one by one for the outbox (outbox.h). Per
 * module attempt, once the learner has gone past the intro: "attempted"
 * the module; for each screen done, "experienced" (lessons, case studies)
 * or "answered" (questions, with an interaction definition); once
 * complete, "completed" and "passed" or "failed".
 *
 * IRIs: EXPORT_IRI_BASE/modules/MODULE_ID for a module and
 * .../modules/MODULE_ID/screens/SCREEN_ID for a screen (ids are percent-
 * encoded should a record hold anything outside [A-Za-z0-9-._~]). The actor
 * is an account {homePage: xapi.home_page, name: the learner's name}; no
 * email address is invented. Each statement's id is a name-based UUID
 * (RFC 4122 version 5 layout over BLAKE2b) of the learner (name and the
 * record's creation time), module, attempt number, screen and event (for
 * an answer, which answer it is): never of changing progress, so exporting
 * or sending again after more progress gives the same id to the same
 * event and an LRS keeps one copy. Each attempt's registration is derived
 * the same way. Every statement's context has the module file's digest as
 * its revision and the programme as a grouping activity.
 *
 * A module the record holds but the catalog does not (retired, or not
 * among the modules given) still gets every statement, from the record
 * alone (bare_statement), so `dlfl sync` run without the player's modules
 * sends everything a learner did. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/export.h"
#include "dlfl/json.h"
#include "dlfl/kinds.h"
#include "dlfl/settings.h"
#include "dlfl/xalloc.h"
#include "kinds_xapi.h"

#define VERB_BASE "http://adlnet.gov/expapi/verbs/"
#define ACTIVITY_BASE "http://adlnet.gov/expapi/activities/"
#define EXT_BASE EXPORT_IRI_BASE "/xapi/extensions/"
#define NAME_MAX_BYTES 120

struct ctx {
        export_statement_fn fn;
        void *fn_ctx;
        const struct settings *set;
        const struct learner_record *r;
        const char *module_id;
        const char *digest; /* the module file's, for context.revision */
        size_t attempt;     /* 1-based */
        char registration[37];
        char module_iri[512];
        /* The statement being built. */
        char *body;
        size_t body_len;
        FILE *mem;
        struct json j;
};

/* A name-based UUID: the parts, each followed by a NUL, hashed. */
static void uuid_named(const char *const *parts, size_t n, char out[37])
{
        crypto_generichash_state st;
        unsigned char h[16];

        crypto_generichash_init(&st, NULL, 0, sizeof(h));
        for (size_t i = 0; i < n; i++)
                crypto_generichash_update(&st, (const unsigned char *)parts[i],
                                          strlen(parts[i]) + 1);
        crypto_generichash_final(&st, h, sizeof(h));
        h[6] = (unsigned char)((h[6] & 0x0f) | 0x50);
        h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);
        snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                 h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12],
                 h[13], h[14], h[15]);
}

static void iri_append(char *buf, size_t size, const char *segment)
{
        size_t len = strlen(buf);

        for (const unsigned char *p = (const unsigned char *)segment; *p != '\0'; p++) {
                bool keep = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                            (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_' ||
                            *p == '~';

                if (len + 4 >= size)
                        break;
                if (keep)
                        buf[len++] = (char)*p;
                else
                        len += (size_t)snprintf(buf + len, size - len, "%%%02X", *p);
        }
        buf[len] = '\0';
}

static void module_iri(char *buf, size_t size, const char *module_id)
{
        snprintf(buf, size, "%s/modules/", EXPORT_IRI_BASE);
        iri_append(buf, size, module_id);
}

/* A short one-line name from longer text: newlines become spaces and it
 * is cut at a character boundary. */
static char *short_name(const char *text)
{
        char *s = xapi_plain(text);
        size_t len, cut;

        for (char *p = s; *p != '\0'; p++)
                if (*p == '\n')
                        *p = ' ';
        len = strlen(s);
        if (len <= NAME_MAX_BYTES)
                return s;
        cut = NAME_MAX_BYTES;
        while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
                cut--;
        s = xrealloc(s, cut + 4);
        memcpy(s + cut, "\xe2\x80\xa6", 4);
        return s;
}

static void actor(struct json *j, const char *name, const struct settings *set)
{
        json_object_begin(j, "actor");
        json_string(j, "objectType", "Agent");
        json_string(j, "name", name);
        json_object_begin(j, "account");
        json_string(j, "homePage", set->home_page);
        json_string(j, "name", name);
        json_object_end(j);
        json_object_end(j);
}

/* The learner as the ids know them: name and when the record began, so a
 * learner forgotten and created again under the same name is new. */
static void learner_key(const struct learner_record *r, char buf[32])
{
        snprintf(buf, 32, "%lld", (long long)r->created);
}

static void begin(struct ctx *c, const char *verb)
{
        char iri[128];

        c->body = NULL;
        c->body_len = 0;
        c->mem = open_memstream(&c->body, &c->body_len);
        if (c->mem == NULL)
                die("cannot make an in-memory stream");
        json_init(&c->j, c->mem);
        json_object_begin(&c->j, NULL);
        actor(&c->j, c->r->name, c->set);
        json_object_begin(&c->j, "verb");
        snprintf(iri, sizeof(iri), VERB_BASE "%s", verb);
        json_string(&c->j, "id", iri);
        xapi_lang_map(&c->j, "display", verb);
        json_object_end(&c->j);
}

static void activity_ref(struct json *j, const char *id)
{
        json_object_begin(j, NULL);
        json_string(j, "objectType", "Activity");
        json_string(j, "id", id);
        json_object_end(j);
}

/* Ends the statement begun for event on screen ("" for the module) and
 * hands it on with its id first. */
static void finish(struct ctx *c, time_t when, const char *screen, const char *event)
{
        char ts[32], id[37], created[32], attempt[32];
        const char *parts[7];
        char *whole;

        json_object_begin(&c->j, "context");
        json_string(&c->j, "registration", c->registration);
        json_object_begin(&c->j, "contextActivities");
        if (screen[0] != '\0') {
                json_array_begin(&c->j, "parent");
                activity_ref(&c->j, c->module_iri);
                json_array_end(&c->j);
        }
        json_array_begin(&c->j, "grouping");
        json_object_begin(&c->j, NULL);
        json_string(&c->j, "objectType", "Activity");
        json_string(&c->j, "id", c->set->programme);
        json_object_begin(&c->j, "definition");
        json_string(&c->j, "type", ACTIVITY_BASE "course");
        xapi_lang_map(&c->j, "name", "Digital Leadership for Libraries");
        json_object_end(&c->j);
        json_object_end(&c->j);
        json_array_end(&c->j);
        json_object_end(&c->j);
        if (c->digest != NULL && c->digest[0] != '\0')
                json_string(&c->j, "revision", c->digest);
        json_string(&c->j, "platform", "dlfl");
        json_string(&c->j, "language", c->set->language);
        json_object_end(&c->j);
        export_utc(when, ts);
        json_string(&c->j, "timestamp", ts);
        json_object_end(&c->j);
        if (fclose(c->mem) != 0)
                die("cannot finish an in-memory stream");
        learner_key(c->r, created);
        snprintf(attempt, sizeof(attempt), "%zu", c->attempt);
        parts[0] = "dlfl-statement";
        parts[1] = c->r->name;
        parts[2] = created;
        parts[3] = c->module_id;
        parts[4] = attempt;
        parts[5] = screen;
        parts[6] = event;
        uuid_named(parts, 7, id);
        /* The body starts with '{'; the id goes first, the rest follows. */
        whole = xasprintf("{\"id\":\"%s\",%s", id, c->body + 1);
        c->fn(c->fn_ctx, id, whole, strlen(whole));
        free(whole);
        free(c->body);
        c->body = NULL;
}

static void score(struct json *j, double raw, double max)
{
        if (raw < 0)
                raw = 0;
        if (raw > max)
                raw = max;
        json_object_begin(j, "score");
        json_number(j, "scaled", max > 0 ? raw / max : 0);
        json_number(j, "raw", raw);
        json_number(j, "min", 0);
        json_number(j, "max", max);
        json_object_end(j);
}

static void duration(struct json *j, double seconds)
{
        char d[48];

        export_iso_duration(seconds, d);
        json_string(j, "duration", d);
}

static time_t when_of(const struct screen_state *st, const struct attempt *a, time_t now)
{
        if (st != NULL && st->when != 0)
                return st->when;
        if (a->updated != 0)
                return a->updated;
        if (a->started != 0)
                return a->started;
        return now;
}

static void interaction(struct json *j, const struct screen *s)
{
        const struct kind_ops *k = kind_ops(s->kind);

        json_string(j, "interactionType", k->xapi_type);
        if (k->xapi_define != NULL)
                k->xapi_define(j, s);
}

static void object_screen(struct ctx *c, const struct screen *s)
{
        char iri[1024];

        snprintf(iri, sizeof(iri), "%s/screens/", c->module_iri);
        iri_append(iri, sizeof(iri), s->id);
        json_object_begin(&c->j, "object");
        json_string(&c->j, "objectType", "Activity");
        json_string(&c->j, "id", iri);
        json_object_begin(&c->j, "definition");
        if (s->type == SCREEN_QUESTION) {
                char *name = short_name(s->prompt);
                char *desc = xapi_plain(s->prompt);

                json_string(&c->j, "type", ACTIVITY_BASE "cmi.interaction");
                xapi_lang_map(&c->j, "name", name);
                xapi_lang_map(&c->j, "description", desc);
                interaction(&c->j, s);
                free(name);
                free(desc);
        } else {
                json_string(&c->j, "type",
                            s->type == SCREEN_LESSON ? ACTIVITY_BASE "lesson"
                                                     : ACTIVITY_BASE "simulation");
                xapi_lang_map(&c->j, "name", s->title != NULL ? s->title : s->id);
                if (s->type == SCREEN_CASE_STUDY && s->reflection != NULL) {
                        char *desc = xapi_plain(s->reflection);

                        xapi_lang_map(&c->j, "description", desc);
                        free(desc);
                }
        }
        json_object_end(&c->j);
        json_object_end(&c->j);
}

/* A reflection is the learner's own words: sent only when the settings
 * say so. */
static bool private_text(const struct ctx *c, const struct screen *s)
{
        return !c->set->send_reflections &&
               (s->type == SCREEN_CASE_STUDY ||
                (s->type == SCREEN_QUESTION && kind_ops(s->kind)->long_text));
}

/* result.extensions of a question with a right answer: tries and hints. */
static void tries(struct json *j, const struct screen_state *st)
{
        json_object_begin(j, "extensions");
        json_number(j, EXT_BASE "attempts", st->attempts);
        json_number(j, EXT_BASE "hints-used", st->hints_used);
        json_object_end(j);
}

/* result.extensions of a case study: the steps taken and the ending. */
static void story(struct json *j, const struct screen_state *st)
{
        json_object_begin(j, "extensions");
        json_array_begin(j, EXT_BASE "path");
        for (size_t i = 0; i < st->npath; i++)
                json_string(j, NULL, st->path[i]);
        json_array_end(j);
        if (st->ending != NULL)
                json_string(j, EXT_BASE "ending", st->ending);
        json_object_end(j);
}

static void screen_statement(struct ctx *c, const struct screen *s, const struct screen_state *st,
                             const struct attempt *a, time_t now)
{
        char event[48];

        if (s->type == SCREEN_QUESTION) {
                char *own = kind_ops(s->kind)->xapi_response(s, st);
                const char *resp = own;
                bool answered = st->attempts > 0 || resp != NULL || st->rating >= 0;

                if (!answered) {
                        free(own);
                        return;
                }
                /* Each answer given is its own event: a second try is a
                 * second statement, never a changed first one. */
                snprintf(event, sizeof(event), "answered %d", st->attempts > 0 ? st->attempts : 1);
                begin(c, "answered");
                object_screen(c, s);
                json_object_begin(&c->j, "result");
                if (model_screen_points(s) > 0)
                        score(&c->j, st->points, model_screen_points(s));
                if (model_kind_is_checked(s->kind))
                        json_bool(&c->j, "success", st->correct);
                json_bool(&c->j, "completion", st->complete);
                if (resp != NULL && !private_text(c, s))
                        json_string(&c->j, "response", resp);
                duration(&c->j, st->seconds);
                if (model_kind_is_checked(s->kind))
                        tries(&c->j, st);
                json_object_end(&c->j);
                free(own);
        } else {
                /* Only once done: a case study's path and ending are then known. */
                if (!st->complete)
                        return;
                snprintf(event, sizeof(event), "experienced");
                begin(c, "experienced");
                object_screen(c, s);
                json_object_begin(&c->j, "result");
                json_bool(&c->j, "completion", st->complete);
                if (s->type == SCREEN_CASE_STUDY && st->text != NULL && !private_text(c, s))
                        json_string(&c->j, "response", st->text);
                duration(&c->j, st->seconds);
                if (s->type == SCREEN_CASE_STUDY && (st->npath > 0 || st->ending != NULL))
                        story(&c->j, st);
                json_object_end(&c->j);
        }
        finish(c, when_of(st, a, now), s->id, event);
}

/* A screen of a module that is not loaded (retired, or not among the
 * modules this run was given): its statement made from the record alone.
 * The event, and so the id, is the one the module would give, so the same
 * answer is never sent twice; what only the module knows (the question's
 * text, its kind and points) is left out, and the screen id stands for its
 * name. A case study is told by its path or ending, a question by an
 * answer, rating or reflection (a rating is likert, a reflection
 * long-fill-in; a question tried is one with a right answer); anything
 * else is a lesson. */
static void bare_statement(struct ctx *c, const struct screen_state *st, const struct attempt *a,
                           time_t now)
{
        char iri[1024], event[48];
        bool case_study = st->npath > 0 || st->ending != NULL;
        bool question = !case_study && (st->attempts > 0 || st->response != NULL ||
                                        st->rating >= 0 || st->text != NULL);
        bool checked = question && st->attempts > 0 && st->rating < 0 && st->text == NULL;

        if (question)
                snprintf(event, sizeof(event), "answered %d", st->attempts > 0 ? st->attempts : 1);
        else if (st->complete)
                snprintf(event, sizeof(event), "experienced");
        else
                return;
        begin(c, question ? "answered" : "experienced");
        snprintf(iri, sizeof(iri), "%s/screens/", c->module_iri);
        iri_append(iri, sizeof(iri), st->id);
        json_object_begin(&c->j, "object");
        json_string(&c->j, "objectType", "Activity");
        json_string(&c->j, "id", iri);
        json_object_begin(&c->j, "definition");
        json_string(&c->j, "type",
                    question     ? ACTIVITY_BASE "cmi.interaction"
                    : case_study ? ACTIVITY_BASE "simulation"
                                 : ACTIVITY_BASE "lesson");
        xapi_lang_map(&c->j, "name", st->id);
        if (question && st->rating >= 0)
                json_string(&c->j, "interactionType", "likert");
        else if (question && st->text != NULL)
                json_string(&c->j, "interactionType", "long-fill-in");
        json_object_end(&c->j);
        json_object_end(&c->j);
        json_object_begin(&c->j, "result");
        if (checked) {
                json_object_begin(&c->j, "score");
                json_number(&c->j, "raw", st->points > 0 ? st->points : 0);
                json_object_end(&c->j);
                json_bool(&c->j, "success", st->correct);
        }
        json_bool(&c->j, "completion", st->complete);
        /* A rating and the learner's own words (only when the settings say
         * so) are sent as they are; any other answer's xAPI form needs its
         * kind. */
        if (question && st->rating >= 0) {
                char level[16];

                snprintf(level, sizeof(level), "%d", st->rating);
                json_string(&c->j, "response", level);
        } else if (st->text != NULL && c->set->send_reflections) {
                json_string(&c->j, "response", st->text);
        }
        duration(&c->j, st->seconds);
        if (checked)
                tries(&c->j, st);
        else if (case_study)
                story(&c->j, st);
        json_object_end(&c->j);
        finish(c, when_of(st, a, now), st->id, event);
}

static void object_module(struct ctx *c, const struct module *m, const struct module_record *mr)
{
        json_object_begin(&c->j, "object");
        json_string(&c->j, "objectType", "Activity");
        json_string(&c->j, "id", c->module_iri);
        json_object_begin(&c->j, "definition");
        json_string(&c->j, "type", ACTIVITY_BASE "module");
        xapi_lang_map(&c->j, "name", export_title(m, mr));
        if (m != NULL && m->summary != NULL) {
                char *desc = xapi_plain(m->summary);

                xapi_lang_map(&c->j, "description", desc);
                free(desc);
        }
        json_object_end(&c->j);
        json_object_end(&c->j);
}

static void module_result(struct ctx *c, const struct summary *s, const struct attempt *a,
                          bool with_success)
{
        json_object_begin(&c->j, "result");
        if (s->possible > 0)
                score(&c->j, s->earned, s->possible);
        if (with_success)
                json_bool(&c->j, "success", s->passed);
        json_bool(&c->j, "completion", s->complete);
        duration(&c->j, a->seconds);
        json_object_end(&c->j);
}

/* The learner has gone past the module's intro in this attempt: some
 * screen was shown, answered or done. Opening the intro alone is not an
 * attempt. */
static bool begun(const struct attempt *a)
{
        for (size_t i = 0; i < a->nscreens; i++) {
                const struct screen_state *st = &a->screens[i];

                if (st->seen || st->complete || st->attempts > 0 || st->npath > 0)
                        return true;
        }
        return false;
}

static void attempt_statements(struct ctx *c, const struct module *m,
                               const struct module_record *mr, size_t i, time_t now)
{
        const struct attempt *a = &mr->attempts[i];
        struct summary s;
        char created[32], attempt[32];
        const char *parts[5];
        time_t done;

        if (!begun(a))
                return;
        export_attempt_summary(m, mr, i, &s);
        c->attempt = i + 1;
        c->digest = m != NULL ? m->digest : a->digest;
        learner_key(c->r, created);
        snprintf(attempt, sizeof(attempt), "%zu", i + 1);
        parts[0] = "dlfl-registration";
        parts[1] = c->r->name;
        parts[2] = created;
        parts[3] = mr->module;
        parts[4] = attempt;
        uuid_named(parts, 5, c->registration);

        begin(c, "attempted");
        object_module(c, m, mr);
        finish(c, a->started != 0 ? a->started : when_of(NULL, a, now), "", "attempted");

        if (m != NULL) {
                for (size_t k = 0; k < m->nscreens; k++) {
                        const struct screen_state *st = record_find_screen(a, m->screens[k].id);

                        if (st != NULL)
                                screen_statement(c, &m->screens[k], st, a, now);
                }
        } else {
                for (size_t k = 0; k < a->nscreens; k++)
                        bare_statement(c, &a->screens[k], a, now);
        }
        if (!s.complete)
                return;
        done = a->completed != 0 ? a->completed : when_of(NULL, a, now);
        begin(c, "completed");
        object_module(c, m, mr);
        module_result(c, &s, a, false);
        finish(c, done, "", "completed");
        begin(c, s.passed ? "passed" : "failed");
        object_module(c, m, mr);
        module_result(c, &s, a, true);
        finish(c, done, "", s.passed ? "passed" : "failed");
}

void export_xapi_each(const struct catalog *cat, const struct learner_record *r,
                      const struct settings *set, time_t now, export_statement_fn fn, void *ctx)
{
        struct settings defaults;
        struct ctx c = {.fn = fn, .fn_ctx = ctx, .r = r, .set = set};
        size_t n;
        size_t *order = export_module_order(cat, r, &n);

        if (sodium_init() < 0)
                die("libsodium cannot start");
        if (set == NULL) {
                settings_defaults(&defaults);
                c.set = &defaults;
        }
        for (size_t k = 0; k < n; k++) {
                const struct module_record *mr = &r->modules[order[k]];
                const struct module *m = catalog_find(cat, mr->module);

                c.module_id = mr->module;
                module_iri(c.module_iri, sizeof(c.module_iri), mr->module);
                for (size_t i = 0; i < mr->nattempts; i++)
                        attempt_statements(&c, m, mr, i, now);
        }
        if (set == NULL)
                settings_free(&defaults);
        free(order);
}

struct array_out {
        FILE *out;
        size_t count;
};

static void array_item(void *ctx, const char *id, const char *json, size_t len)
{
        struct array_out *a = ctx;

        (void)id;
        fputs(a->count++ == 0 ? "\n" : ",\n", a->out);
        fwrite(json, 1, len, a->out);
}

bool export_xapi_with(FILE *out, const struct catalog *cat, const struct learner_record *r,
                      const struct settings *set, time_t now, const char **err)
{
        struct array_out a = {.out = out};

        (void)err;
        fputs("[", out);
        export_xapi_each(cat, r, set, now, array_item, &a);
        fputs(a.count > 0 ? "\n]\n" : "]\n", out);
        return true;
}

bool export_xapi(FILE *out, const struct catalog *cat, const struct learner_record *r, time_t now,
                 const char **err)
{
        return export_xapi_with(out, cat, r, NULL, now, err);
}

char *export_xapi_void(const char *name, time_t created_at, const struct settings *set,
                       const char *target, time_t now, char id[37])
{
        struct json j;
        char *body = NULL, ts[32], created[32];
        size_t len = 0;
        FILE *mem = open_memstream(&body, &len);
        const char *parts[4];
        char *whole;

        if (mem == NULL)
                die("cannot make an in-memory stream");
        if (sodium_init() < 0)
                die("libsodium cannot start");
        snprintf(created, sizeof(created), "%lld", (long long)created_at);
        parts[0] = "dlfl-void";
        parts[1] = name;
        parts[2] = created;
        parts[3] = target;
        uuid_named(parts, 4, id);
        json_init(&j, mem);
        json_object_begin(&j, NULL);
        actor(&j, name, set);
        json_object_begin(&j, "verb");
        json_string(&j, "id", VERB_BASE "voided");
        xapi_lang_map(&j, "display", "voided");
        json_object_end(&j);
        json_object_begin(&j, "object");
        json_string(&j, "objectType", "StatementRef");
        json_string(&j, "id", target);
        json_object_end(&j);
        export_utc(now, ts);
        json_string(&j, "timestamp", ts);
        json_object_end(&j);
        if (fclose(mem) != 0)
                die("cannot finish an in-memory stream");
        whole = xasprintf("{\"id\":\"%s\",%s", id, body + 1);
        free(body);
        return whole;
}
