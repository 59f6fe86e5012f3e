/* worker.h — per-thread state for a stream of documents. Internal. */
#ifndef MARSAD_WORKER_H
#define MARSAD_WORKER_H

#include "text/text.h"

struct marsad_worker {
    const marsad_model *m;
    ms_textcache text;
};

#endif
