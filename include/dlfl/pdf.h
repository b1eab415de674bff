/* The certificate's PDF, made by the helper program dlfl-certificate so
 * that cairo and pango are loaded only by the command that prints one,
 * never by the player. The helper is looked for beside the running dlfl,
 * then in ../libexec/dlfl/ from it, then in the installed libexec. */
#ifndef DLFL_PDF_H
#define DLFL_PDF_H

#include <stdbool.h>
#include <stddef.h>

/* Runs the helper on the page description (export_certificate's output):
 * true with the PDF in *pdf (fresh) and *len. false with a message on
 * stderr (the helper's, or why it could not run). */
bool pdf_certificate(const char *pages, size_t pages_len, char **pdf, size_t *len);

#endif
