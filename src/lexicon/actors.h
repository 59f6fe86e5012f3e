/* actors.h — actor coding over an analyzed text. Internal. */
#ifndef MARSAD_ACTORS_H
#define MARSAD_ACTORS_H

#include "extract/extract.h"
#include "lexicon/lexicon.h"

/* Find every actor (ms_actor) and place (ms_place) in the text, persons
 * resolved to their office on `date` (y == 0: any). Appends to the vectors. */
int ms_find_actors(const ms_lexicon *lx, const ms_text *t, ms_ymd date, msvec *actors, msvec *places);

#endif
