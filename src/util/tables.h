/* tables.h — knowledge compiled into the library at build time.
 *
 * tools/build_tables.py embeds every data file (data/<dir>/<file>.txt) and
 * every table the generators in tools/gen_<name>.py produce into one generated
 * C file (build/gen/tables.c). Look them up by name, e.g. "data/text/months.txt"
 * or "gen/actors.tsv". */
#ifndef MARSAD_TABLES_H
#define MARSAD_TABLES_H

#include <stddef.h>

typedef struct ms_table {
    const char *name;
    const char *data;   /* NUL-terminated UTF-8 text */
    size_t len;
} ms_table;

/* NULL when no table has that name. */
const ms_table *ms_table_get(const char *name);
/* All tables, terminated by an entry with name NULL. */
const ms_table *ms_tables_all(void);

#endif
