/* process.c — marsad_doc_process(): runs the analysis stages on a document.
 *
 * The text analyzed is the title, a blank line, then the body, so that the
 * headline's event merges with the body's and every span points into one
 * string (ms_analysis.text). */
#include <stdlib.h>

#include "assemble/analysis.h"
#include "assemble/assemble.h"
#include "model.h"
#include "worker.h"

size_t ms_analysis_sentence_count(const ms_analysis *a) { return a->t.nsent; }

void ms_analysis_free(ms_analysis *a)
{
    if (!a)
        return;
    ms_text_free(&a->t);
    free(a->text);
    msvec_free(&a->numbers);
    msvec_free(&a->dates);
    msvec_free(&a->actors);
    msvec_free(&a->places);
    msvec_free(&a->events);
    msvec_free(&a->figures);
    msvec_free(&a->attribs);
    msbuf_free(&a->trace);
    free(a);
}

static ms_analysis *analysis_new(void)
{
    ms_analysis *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    msvec_init(&a->numbers, sizeof(ms_number));
    msvec_init(&a->dates, sizeof(ms_date));
    msvec_init(&a->actors, sizeof(ms_actor));
    msvec_init(&a->places, sizeof(ms_place));
    msvec_init(&a->events, sizeof(ms_event));
    msvec_init(&a->figures, sizeof(ms_figure));
    msvec_init(&a->attribs, sizeof(ms_attrib));
    msbuf_init(&a->trace);
    return a;
}

static void set_published(marsad_doc *d, ms_ymd v)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
    free(d->published);
    d->published = ms_strdup(buf);
}

static int process(const marsad_model *m, ms_textcache *cache, marsad_doc *d, const marsad_options *opt,
                   marsad_error *err);

int marsad_doc_process(const marsad_model *m, marsad_doc *d, const marsad_options *opt, marsad_error *err)
{
    return process(m, NULL, d, opt, err);
}

/* MARK: workers */

marsad_worker *marsad_worker_new(const marsad_model *m, marsad_error *err)
{
    if (!m) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "invalid argument");
        return NULL;
    }
    marsad_worker *w = calloc(1, sizeof *w);
    if (!w || !ms_textcache_init(&w->text)) {
        free(w);
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
        return NULL;
    }
    w->m = m;
    return w;
}

void marsad_worker_free(marsad_worker *w)
{
    if (!w)
        return;
    ms_textcache_free(&w->text);
    free(w);
}

int marsad_worker_process(marsad_worker *w, marsad_doc *d, const marsad_options *opt, marsad_error *err)
{
    if (!w) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "invalid argument");
        return MARSAD_EINVAL;
    }
    return process(w->m, &w->text, d, opt, err);
}

static int process(const marsad_model *m, ms_textcache *cache, marsad_doc *d, const marsad_options *opt,
                   marsad_error *err)
{
    if (!m || !d) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "invalid argument");
        return MARSAD_EINVAL;
    }
    ms_analysis_free(d->an);
    d->an = NULL;
    ms_analysis *a = analysis_new();
    if (!a)
        goto oom;
    d->an = a;
    msbuf b;
    msbuf_init(&b);
    if (d->title) {
        msbuf_adds(&b, d->title);
        msbuf_adds(&b, "\n\n");
    }
    a->body_offset = b.len;
    if (d->body)
        msbuf_add(&b, d->body, d->body_len);
    a->text = msbuf_take(&b, &a->text_len);
    if (!a->text)
        goto oom;
    unsigned flags = opt && opt->norm_flags ? opt->norm_flags : MARSAD_NORM_DEFAULT;
    int rc = ms_text_analyze_cached(m->tm, cache, a->text, a->text_len, flags, &a->t);
    if (rc) {
        ms_seterr(err, rc, 0, 0, "%s", marsad_strerror(rc));
        return rc;
    }
    /* the document's date: metadata, an in-text publication line, an
     * inference from the text, then the reference */
    ms_ymd pub = {0, 0, 0};
    if (d->published && !ms_parse_meta_date(m->tm, d->published, &pub))
        pub = (ms_ymd){0, 0, 0};
    if (!pub.y && d->published_text && ms_parse_meta_date(m->tm, d->published_text, &pub) && pub.d)
        set_published(d, pub);
    if (!d->published) {
        ms_ymd inferred;
        char *from = NULL;
        if (ms_infer_published(m, d, a, &inferred, &from)) {
            pub = inferred;
            set_published(d, pub);
            d->published_inferred = true;
            free(d->published_text);
            d->published_text = from;
        }
    }
    if (!pub.y && opt && opt->reference_date)
        ms_ymd_parse(opt->reference_date, &pub);
    if ((rc = ms_find_numbers(m->tm, &a->t, &a->numbers)))
        goto fail;
    a->doc_date = pub;
    if ((rc = ms_find_dates(m->tm, &a->t, pub, &a->dates)))
        goto fail;
    if ((rc = ms_extract_all(m, cache, d, a)))
        goto fail;
    return MARSAD_OK;
fail:
    ms_seterr(err, rc, 0, 0, "%s", marsad_strerror(rc));
    return rc;
oom:
    ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
    return MARSAD_ENOMEM;
}
