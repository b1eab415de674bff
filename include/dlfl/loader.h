/* Turns module files into the course model. Knows nothing of output: every
 * problem becomes a diagnostic in the caller's list. No curses here. */
#ifndef DLFL_LOADER_H
#define DLFL_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/diag.h"
#include "dlfl/model.h"

/* Loads one module from bytes already in memory; name is used in
 * diagnostics and as the module's path. Returns NULL when the module has an
 * error (warnings alone still load). The caller frees with model_free(). */
struct module *loader_load_buffer(const char *name, const char *buf, size_t len,
                                  struct diag_list *diags);
/* Reads and loads one file. */
struct module *loader_load_file(const char *path, struct diag_list *diags);
/* Loads each path, a file or a directory of *.yaml and *.yml files in name
 * order, into cat. Modules with errors, and a module whose id an earlier one
 * has, are left out. source names where the modules came from, for
 * `dlfl list`; NULL means the path itself. Returns false when any error was
 * reported. The catalog is sorted into menu order afterwards. */
bool loader_load_path(struct catalog *cat, const char *path, const char *source,
                      struct diag_list *diags);
/* Adds a loaded module, refusing a duplicate id (diagnostic at its id). */
bool loader_add(struct catalog *cat, struct module *m, struct diag_list *diags);
/* Sorts into menu order: `order` (modules without one last), then title. */
void loader_sort(struct catalog *cat);

/* The player need not parse a file it already has compiled in: when set,
 * fn is asked first for every regular file (fd at offset 0, size from
 * fstat) and may return a ready module, leaving fd anywhere; NULL means
 * parse as usual (fd is rewound). `dlfl check` never sets it. */
void loader_set_prebuilt(struct module *(*fn)(const char *path, int fd, size_t size));
/* Whether to compute the warnings that cost time (lesson length, whether a
 * question fits 80x24): on by default, off in the player. */
void loader_set_quality_checks(bool on);

#endif
