/* The settings file: where records go when they leave the terminal (the
 * learner's xAPI identity, the LRS and its credentials). Found through
 * -c FILE, else $DLFL_CONFIG, else $XDG_CONFIG_HOME/dlfl/config.yaml
 * (~/.config when XDG_CONFIG_HOME is unset), else /etc/dlfl/config.yaml;
 * none is needed. Read with libyaml through yaml_tree; an unknown key is
 * an error naming file:line:column, with a near miss suggested. A secret
 * (lrs.key, lrs.secret) is refused unless its file can be read by its
 * owner only (0600): in the settings themselves or in
 * lrs.credentials_file. No curses here. */
#ifndef DLFL_SETTINGS_H
#define DLFL_SETTINGS_H

#include <stdbool.h>
#include <stdio.h>

#define SETTINGS_DEFAULT_HOME_PAGE "https://dlfl.invalid"
#define SETTINGS_DEFAULT_LANGUAGE "en-GB"
#define SETTINGS_DEFAULT_TIMEOUT 30
#define SETTINGS_DEFAULT_BATCH 50

struct settings {
        char *file;             /* the file read; NULL when none was found */
        char *home_page;        /* xapi.home_page: the actor's account homePage */
        char *language;         /* xapi.language: context.language, RFC 5646 */
        char *programme;        /* xapi.programme: IRI of the grouping activity */
        bool send_reflections;  /* xapi.send_reflections */
        char *endpoint;         /* lrs.endpoint, with a trailing '/'; NULL = no LRS */
        char *key, *secret;     /* lrs.key / lrs.secret, or from lrs.credentials_file */
        char *credentials_file; /* lrs.credentials_file */
        char *ca_file;          /* lrs.ca_file: trust these CAs instead of the system's */
        long timeout;           /* lrs.timeout: seconds for one request */
        long batch;             /* lrs.batch: statements a request */
        long retries;           /* lrs.retries: tries a batch gets in one sync */
};

/* Fills s with the defaults. */
void settings_defaults(struct settings *s);
/* Finds and reads the settings (path from -c, else NULL). false when a file
 * that was named or found cannot be read or is wrong; the messages went to
 * err. s holds the defaults when no file is found. */
bool settings_load(const char *path, struct settings *s, FILE *err);
/* Reads one file (and its credentials file). */
bool settings_read(const char *path, struct settings *s, FILE *err);
void settings_free(struct settings *s);
/* An LRS is set up: endpoint, key and secret. */
bool settings_lrs(const struct settings *s);

#endif
