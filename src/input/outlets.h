/* outlets.h — the dictionary of news outlets (data/input/outlets.txt):
 * canonical English names for Arabic and Latin spellings and URL hosts.
 *
 * Readers use it for SRC fields, og:site_name, source lines and datelines;
 * attribution (قال … لرويترز) uses it for the outlet a statement was given to.
 * Internal to libmarsad. Built once, then read-only: lookups are thread-safe. */
#ifndef MARSAD_INPUT_OUTLETS_H
#define MARSAD_INPUT_OUTLETS_H

#include "util/util.h"

typedef struct ms_outlets ms_outlets;

/* Build from the compiled table; NULL with err filled on failure. */
ms_outlets *ms_outlets_new(marsad_error *err);
void ms_outlets_free(ms_outlets *o);

enum {
    /* The text is known to name an outlet (a SRC field, a source line, the
     * parentheses of a dateline, og:site_name): ambiguous names such as
     * العربية or كان are accepted. Without it they need a generic word before
     * them (قناة كان). */
    MS_OUTLET_CONTEXT = 1u << 0
};

/* Canonical English name for an outlet name, a host ("www.alhurra.com") or a
 * URL ("https://arabic.cnn.com/…"); NULL when unknown. Matching folds case,
 * alef/ya/ta-marbuta forms, diacritics, spaces and punctuation, and ignores
 * a leading generic word (وكالة، شبكة أخبار، صحيفة، موقع، قناة …). The
 * returned string belongs to `o`. */
const char *ms_outlet_canonical(const ms_outlets *o, const char *name, size_t n, unsigned flags);

/* Canonical name for a URL host (or a whole URL) only; NULL when unknown. */
const char *ms_outlet_from_host(const ms_outlets *o, const char *url, size_t n);

#endif
