/* marsad — command-line tool over libmarsad's public API.
 *
 * Exit status: 0 success; 1 some input could not be read or processed (the
 * rest was); 2 usage error. Help goes to stdout, errors to stderr. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "marsad.h"

static const char usage_text[] =
    "usage: marsad COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Commands:\n"
    "  extract [FILES|DIRS|-]   events, figures, dates, attributions and metadata of each\n"
    "                           document, one JSON object per line (directories are read\n"
    "                           recursively; - reads standard input)\n"
    "      --input-format F     auto (default), text, html, jsonl, trec\n"
    "      --format F           jsonl (default) or tsv (one event per row)\n"
    "      --reference-date D   YYYY-MM-DD anchor for documents without a date\n"
    "      --pretty             indented JSON\n"
    "      --no-body            leave the body text out\n"
    "      --max-size BYTES     refuse larger inputs (default 64 MiB)\n"
    "  explain FILE             what was found in each sentence, and why\n"
    "  analyze [FILE|-]         the text layer: sentences, tokens with clitic segments and\n"
    "                           spans, numbers and dates, as JSON Lines\n"
    "      --view V             json (default), sentences, tokens, segments, stems,\n"
    "                           numbers, dates, normalize\n"
    "      --reference-date D   anchor for relative dates (اليوم، أمس، الأحد…)\n"
    "      --norm LIST          normalization steps, comma-separated, of: diacritics,\n"
    "                           tatweel, alef, yeh, teh, digits, nfkc, controls, case\n"
    "                           (default: all)\n"
    "  lexicon lookup WORDS…    how words resolve to actors and triggers (--date D)\n"
    "  lexicon stats            knowledge entries by kind\n"
    "  lexicon check            validate the knowledge tables (exit 1 on problems)\n"
    "  bench [--threads N] [--stage read|text|extract|all] [--repeat N] PATHS…\n"
    "                           throughput and peak memory: read times the readers and\n"
    "                           cleaning, text the text layer alone (bodies read\n"
    "                           beforehand), extract the analysis (no output), all\n"
    "                           (default) includes the JSON output; --repeat goes over\n"
    "                           the inputs N times\n"
    "  version                  print the version\n"
    "\n"
    "Exit status: 0 ok, 1 some input failed (the rest was processed), 2 usage error.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "marsad: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'marsad --help'.\n");
    return 2;
}

/* MARK: reading inputs */

typedef struct input {
    char *path;
    char *data;
    size_t len;
    /* bench --stage text: the documents' bodies, read beforehand */
    struct body { char *text; size_t len; } *bodies;
    size_t nbodies;
} input;

typedef struct inputs {
    input *v;
    size_t n, cap;
} inputs;

static int read_stream(FILE *f, size_t max, char **data, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    if (!b)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            if (cap > max + 1) {
                free(b);
                return EFBIG;
            }
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                return ENOMEM;
            }
            b = nb;
            cap *= 2;
        }
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    if (ferror(f)) {
        free(b);
        return EIO;
    }
    *data = b;
    *len = n;
    return 0;
}

static int read_file(const char *path, size_t max, char **data, size_t *len)
{
    if (!strcmp(path, "-"))
        return read_stream(stdin, max, data, len);
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    int rc = read_stream(f, max, data, len);
    fclose(f);
    return rc;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Collect regular files under path (recursively, sorted, hidden files skipped). */
static int collect(const char *path, char ***out, size_t *n, size_t *cap)
{
    struct stat st;
    if (strcmp(path, "-") && stat(path, &st) != 0) {
        fprintf(stderr, "marsad: %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (strcmp(path, "-") && S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d) {
            fprintf(stderr, "marsad: %s: %s\n", path, strerror(errno));
            return 1;
        }
        char **names = NULL;
        size_t nn = 0, nc = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            if (nn == nc) {
                nc = nc ? nc * 2 : 64;
                char **t = realloc(names, nc * sizeof *names);
                if (!t)
                    break;
                names = t;
            }
            size_t pl = strlen(path), el = strlen(e->d_name);
            char *full = malloc(pl + el + 2);
            if (!full)
                break;
            memcpy(full, path, pl);
            full[pl] = '/';
            memcpy(full + pl + 1, e->d_name, el + 1);
            names[nn++] = full;
        }
        closedir(d);
        qsort(names, nn, sizeof *names, cmp_str);
        int rc = 0;
        for (size_t i = 0; i < nn; i++) {
            rc |= collect(names[i], out, n, cap);
            free(names[i]);
        }
        free(names);
        return rc;
    }
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        char **t = realloc(*out, *cap * sizeof **out);
        if (!t)
            return 1;
        *out = t;
    }
    (*out)[(*n)++] = strdup(path);
    return 0;
}

/* MARK: options */

/* What bench times: the readers and cleaning; the text layer alone, on
 * bodies read beforehand; reading to extraction; everything with JSON. */
enum { STAGE_ALL, STAGE_READ, STAGE_TEXT, STAGE_EXTRACT };
static const char *const stage_names[] = {"all", "read", "text", "extract"}; /* by STAGE_* */

typedef struct opts {
    marsad_options lib;
    int input_format;
    int tsv;
    unsigned json_flags;
    const char *view;
    int threads;
    int repeat;
    int stage; /* bench: STAGE_* */
    const char *date;
} opts;

static int parse_norm(const char *list, unsigned *flags)
{
    static const struct { const char *name; unsigned flag; } names[] = {
        {"diacritics", MARSAD_NORM_DIACRITICS}, {"tatweel", MARSAD_NORM_TATWEEL}, {"alef", MARSAD_NORM_ALEF},
        {"yeh", MARSAD_NORM_YEH}, {"teh", MARSAD_NORM_TEH}, {"digits", MARSAD_NORM_DIGITS},
        {"nfkc", MARSAD_NORM_NFKC}, {"controls", MARSAD_NORM_CONTROLS}, {"case", MARSAD_NORM_CASE},
        {"all", MARSAD_NORM_DEFAULT}};
    unsigned f = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        size_t i;
        for (i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strlen(names[i].name) == n && !strncmp(names[i].name, p, n))
                break;
        if (i == sizeof names / sizeof names[0])
            return -1;
        f |= names[i].flag;
        p += n + (e ? 1 : 0);
    }
    /* a list that names nothing selects no step; the library reads 0 as "all" */
    *flags = f ? f : (1u << 31);
    return 0;
}

/* Parse options; non-option arguments are moved to the front of argv.
 * Returns the number of positional arguments, or -1 on a usage error. */
static int parse_opts(int argc, char **argv, opts *o)
{
    int npos = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define NEEDVAL()                                                            \
    do {                                                                     \
        if (i + 1 >= argc) {                                                 \
            usage_error("option %s needs a value", a);                       \
            return -1;                                                       \
        }                                                                    \
        val = argv[++i];                                                     \
    } while (0)
        if (!strcmp(a, "--input-format")) {
            NEEDVAL();
            o->input_format = marsad_format_parse(val);
            if (o->input_format < 0) {
                usage_error("unknown input format '%s' (auto, text, html, jsonl, trec)", val);
                return -1;
            }
        } else if (!strcmp(a, "--format")) {
            NEEDVAL();
            if (!strcmp(val, "tsv"))
                o->tsv = 1;
            else if (!strcmp(val, "jsonl") || !strcmp(val, "json"))
                o->tsv = 0;
            else {
                usage_error("unknown output format '%s' (jsonl, tsv)", val);
                return -1;
            }
        } else if (!strcmp(a, "--reference-date")) {
            NEEDVAL();
            int y, m, d;
            char extra;
            if (sscanf(val, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 || d < 1 || d > 31) {
                usage_error("reference date must be YYYY-MM-DD, not '%s'", val);
                return -1;
            }
            o->lib.reference_date = val;
        } else if (!strcmp(a, "--date")) {
            NEEDVAL();
            o->date = val;
        } else if (!strcmp(a, "--pretty")) {
            o->json_flags |= MARSAD_JSON_PRETTY;
        } else if (!strcmp(a, "--no-body")) {
            o->json_flags |= MARSAD_JSON_NO_BODY;
        } else if (!strcmp(a, "--view")) {
            NEEDVAL();
            o->view = val;
        } else if (!strcmp(a, "--norm")) {
            NEEDVAL();
            if (parse_norm(val, &o->lib.norm_flags)) {
                usage_error("unknown normalization step in '%s'", val);
                return -1;
            }
        } else if (!strcmp(a, "--max-size")) {
            NEEDVAL();
            char *end;
            unsigned long long v = strtoull(val, &end, 10);
            if (*end || !v) {
                usage_error("--max-size needs a positive number of bytes, not '%s'", val);
                return -1;
            }
            o->lib.max_input_bytes = (size_t)v;
        } else if (!strcmp(a, "--threads")) {
            NEEDVAL();
            o->threads = atoi(val);
            if (o->threads < 1 || o->threads > 64) {
                usage_error("--threads needs a number from 1 to 64, not '%s'", val);
                return -1;
            }
        } else if (!strcmp(a, "--repeat")) {
            NEEDVAL();
            o->repeat = atoi(val);
            if (o->repeat < 1 || o->repeat > 1000) {
                usage_error("--repeat needs a number from 1 to 1000, not '%s'", val);
                return -1;
            }
        } else if (!strcmp(a, "--stage")) {
            NEEDVAL();
            int s = 0;
            while (s < (int)(sizeof stage_names / sizeof stage_names[0]) && strcmp(val, stage_names[s]))
                s++;
            if (s == (int)(sizeof stage_names / sizeof stage_names[0])) {
                usage_error("unknown stage '%s' (read, text, extract, all)", val);
                return -1;
            }
            o->stage = s;
        } else if (a[0] == '-' && a[1] == '-' ) {
            usage_error("unknown option '%s'", a);
            return -1;
        } else {
            argv[npos++] = argv[i];
        }
#undef NEEDVAL
    }
    return npos;
}

static size_t max_bytes(const opts *o) { return o->lib.max_input_bytes ? o->lib.max_input_bytes : (size_t)64 << 20; }

/* MARK: extract / explain */

typedef struct tally {
    size_t files, docs, failed_inputs, bad_records, repaired;
} tally;

static void report(const char *path, const marsad_error *e)
{
    if (e->line)
        fprintf(stderr, "marsad: %s:%zu: %s\n", path, e->line, e->msg);
    else if (e->offset)
        fprintf(stderr, "marsad: %s: byte %zu: %s\n", path, e->offset, e->msg);
    else
        fprintf(stderr, "marsad: %s: %s\n", path, e->msg);
}

static int run_extract(const marsad_model *m, char **paths, int npaths, const opts *o, int explain)
{
    char **files = NULL;
    size_t nfiles = 0, cap = 0;
    int failed = 0;
    static char dash[] = "-";
    char *stdin_only[] = {dash};
    if (npaths == 0) {
        paths = stdin_only;
        npaths = 1;
    }
    for (int i = 0; i < npaths; i++)
        failed |= collect(paths[i], &files, &nfiles, &cap);
    tally t = {0};
    int header_done = 0;
    /* per-word results carry over from one document to the next */
    marsad_error werr = {0};
    marsad_worker *w = marsad_worker_new(m, &werr);
    if (!w) {
        fprintf(stderr, "marsad: %s\n", werr.msg);
        for (size_t f = 0; f < nfiles; f++)
            free(files[f]);
        free(files);
        return 1;
    }
    for (size_t f = 0; f < nfiles; f++) {
        char *data = NULL;
        size_t len = 0;
        int rc = read_file(files[f], max_bytes(o), &data, &len);
        t.files++;
        if (rc) {
            fprintf(stderr, "marsad: %s: %s\n", files[f],
                    rc == EFBIG ? "input larger than the size limit (--max-size); skipped" : strerror(rc));
            t.failed_inputs++;
            free(files[f]);
            continue;
        }
        marsad_error err = {0};
        marsad_reader *r = marsad_reader_open(m, files[f], data, len, (marsad_format)o->input_format, &o->lib, &err);
        free(data);
        if (!r) {
            report(files[f], &err);
            t.failed_inputs++;
            free(files[f]);
            continue;
        }
        for (;;) {
            marsad_doc *d = NULL;
            memset(&err, 0, sizeof err);
            rc = marsad_reader_next(r, &d, &err);
            if (rc == MARSAD_END)
                break;
            if (rc < 0) {
                report(files[f], &err);
                t.bad_records++;
                if (rc == MARSAD_ENOMEM)
                    break;
                continue;
            }
            memset(&err, 0, sizeof err);
            rc = marsad_worker_process(w, d, &o->lib, &err);
            if (rc < 0) {
                report(files[f], &err);
                t.bad_records++;
            }
            char *out = NULL;
            size_t olen = 0;
            if (explain)
                rc = marsad_doc_explain(d, &out, &olen);
            else if (o->tsv)
                rc = marsad_doc_to_tsv(d, !header_done, &out, &olen);
            else
                rc = marsad_doc_to_json(d, o->json_flags, &out, &olen);
            header_done = 1;
            if (rc == MARSAD_OK) {
                fwrite(out, 1, olen, stdout);
                if (!explain && !o->tsv)
                    fputc('\n', stdout);
                fflush(stdout);
                t.docs++;
            } else {
                fprintf(stderr, "marsad: %s: %s: %s\n", files[f], marsad_doc_id(d) ? marsad_doc_id(d) : "?",
                        marsad_strerror(rc));
                t.bad_records++;
            }
            free(out);
            marsad_doc_free(d);
        }
        t.repaired += marsad_reader_repaired(r);
        marsad_reader_free(r);
        free(files[f]);
    }
    free(files);
    marsad_worker_free(w);
    if (t.failed_inputs || t.bad_records)
        failed = 1;
    fprintf(stderr, "marsad: %zu file%s, %zu document%s written, %zu input%s failed, %zu record%s skipped, "
                    "%zu invalid UTF-8 sequence%s repaired\n",
            t.files, t.files == 1 ? "" : "s", t.docs, t.docs == 1 ? "" : "s", t.failed_inputs,
            t.failed_inputs == 1 ? "" : "s", t.bad_records, t.bad_records == 1 ? "" : "s", t.repaired,
            t.repaired == 1 ? "" : "s");
    return failed ? 1 : 0;
}

/* MARK: analyze */

static int run_analyze(const marsad_model *m, char **paths, int npaths, const opts *o)
{
    if (npaths > 1)
        return usage_error("analyze takes one FILE or -, not %s more", "several");
    const char *path = npaths ? paths[0] : "-";
    char *data;
    size_t len;
    int rc = read_file(path, max_bytes(o), &data, &len);
    if (rc) {
        fprintf(stderr, "marsad: %s: %s\n", path, rc == EFBIG ? "input larger than the size limit" : strerror(rc));
        return 1;
    }
    char *out = NULL;
    size_t olen = 0, invalid = 0;
    marsad_error err = {0};
    rc = marsad_analyze(m, data, len, &o->lib, o->view, &out, &olen, &invalid, &err);
    free(data);
    if (rc) {
        report(path, &err);
        return rc == MARSAD_EINVAL ? 2 : 1;
    }
    fwrite(out, 1, olen, stdout);
    free(out);
    if (invalid)
        fprintf(stderr, "marsad: %s: %zu invalid UTF-8 sequence%s replaced with U+FFFD\n", path, invalid,
                invalid == 1 ? "" : "s");
    return 0;
}

/* MARK: lexicon */

static int run_lexicon(const marsad_model *m, char **args, int nargs, const opts *o)
{
    if (nargs < 1)
        return usage_error("lexicon needs a subcommand: %s", "lookup, stats or check");
    if (!strcmp(args[0], "lookup")) {
        if (nargs < 2)
            return usage_error("lexicon lookup needs %s", "words");
        size_t total = 0;
        for (int i = 1; i < nargs; i++)
            total += strlen(args[i]) + 1;
        char *text = malloc(total + 1), *p = text;
        if (!text)
            return 1;
        for (int i = 1; i < nargs; i++) {
            size_t n = strlen(args[i]);
            memcpy(p, args[i], n);
            p += n;
            *p++ = ' ';
        }
        *p = 0;
        char *out = marsad_lexicon_lookup(m, text, o->date);
        free(text);
        if (!out)
            return 1;
        fputs(out, stdout);
        free(out);
        return 0;
    }
    if (!strcmp(args[0], "stats")) {
        char *s = marsad_model_stats_json(m);
        if (!s)
            return 1;
        puts(s);
        free(s);
        return 0;
    }
    if (!strcmp(args[0], "check")) {
        size_t problems = 0;
        char *s = marsad_model_check(m, &problems);
        if (!s)
            return 1;
        fputs(s, stdout);
        free(s);
        fprintf(stderr, "marsad: lexicon check: %zu problem%s\n", problems, problems == 1 ? "" : "s");
        return problems ? 1 : 0;
    }
    return usage_error("unknown lexicon subcommand '%s' (lookup, stats, check)", args[0]);
}

/* MARK: bench */

typedef struct bench_job {
    const marsad_model *m;
    const opts *o;
    input *in;
    size_t n;
    size_t next_stride, first;
    size_t docs, sentences, tokens, bytes, errors;
} bench_job;

static void *bench_worker(void *arg)
{
    bench_job *j = arg;
    marsad_worker *w = marsad_worker_new(j->m, NULL);
    if (!w) {
        j->errors++;
        return NULL;
    }
    size_t rounds = j->o->repeat ? (size_t)j->o->repeat : 1;
    int stage = j->o->stage;
    for (size_t k = 0; k < rounds * j->n; k++) {
        size_t i = k % j->n;
        if (i % j->next_stride != j->first)
            continue;
        marsad_error err = {0};
        char *out = NULL;
        size_t olen = 0;
        if (stage == STAGE_TEXT) {
            for (size_t b = 0; b < j->in[i].nbodies; b++) {
                const char *body = j->in[i].bodies[b].text;
                size_t blen = j->in[i].bodies[b].len;
                j->bytes += blen;
                if (marsad_worker_analyze(w, body, blen, &j->o->lib, "count", &out, &olen, NULL, &err) == MARSAD_OK) {
                    /* "SENTENCES TOKENS" */
                    char *e = NULL;
                    j->sentences += strtoul(out, &e, 10);
                    j->tokens += strtoul(e, NULL, 10);
                } else
                    j->errors++;
                free(out);
                out = NULL;
                j->docs++;
            }
            continue;
        }
        marsad_reader *r = marsad_reader_open(j->m, j->in[i].path, j->in[i].data, j->in[i].len,
                                              (marsad_format)j->o->input_format, &j->o->lib, &err);
        if (!r) {
            j->errors++;
            continue;
        }
        marsad_doc *d;
        int rc;
        while ((rc = marsad_reader_next(r, &d, &err)) != MARSAD_END) {
            if (rc < 0) {
                j->errors++;
                continue;
            }
            const char *body = marsad_doc_body(d);
            j->bytes += body ? strlen(body) : 0;
            if (stage != STAGE_READ) {
                if (marsad_worker_process(w, d, &j->o->lib, &err) < 0)
                    j->errors++;
                j->sentences += marsad_doc_sentence_count(d);
                if (stage == STAGE_ALL && marsad_doc_to_json(d, 0, &out, &olen) != MARSAD_OK)
                    j->errors++;
                free(out);
                out = NULL;
            }
            j->docs++;
            marsad_doc_free(d);
        }
        marsad_reader_free(r);
    }
    marsad_worker_free(w);
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of the whole process (every thread), user plus system. */
static double cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
}

/* The bodies of a file's documents, so that the text layer can be timed alone. */
static void read_bodies(const marsad_model *m, const opts *o, input *in)
{
    marsad_error err = {0};
    marsad_reader *r = marsad_reader_open(m, in->path, in->data, in->len, (marsad_format)o->input_format, &o->lib, &err);
    if (!r)
        return;
    marsad_doc *d;
    int rc;
    while ((rc = marsad_reader_next(r, &d, &err)) != MARSAD_END) {
        if (rc < 0)
            continue;
        const char *body = marsad_doc_body(d);
        struct body *nb = realloc(in->bodies, (in->nbodies + 1) * sizeof *nb);
        char *copy = strdup(body ? body : "");
        if (nb)
            in->bodies = nb;
        if (!nb || !copy) {
            free(copy);
            marsad_doc_free(d);
            break;
        }
        in->bodies[in->nbodies++] = (struct body){copy, strlen(copy)};
        marsad_doc_free(d);
    }
    marsad_reader_free(r);
}

static int run_bench(const marsad_model *m, char **paths, int npaths, const opts *o, double load_s)
{
    if (npaths == 0)
        return usage_error("bench needs %s", "PATHS (files or directories)");
    char **files = NULL;
    size_t nfiles = 0, cap = 0;
    for (int i = 0; i < npaths; i++)
        collect(paths[i], &files, &nfiles, &cap);
    input *in = calloc(nfiles ? nfiles : 1, sizeof *in);
    size_t total = 0;
    for (size_t i = 0; i < nfiles; i++) {
        in[i].path = files[i];
        if (read_file(files[i], max_bytes(o), &in[i].data, &in[i].len) == 0)
            total += in[i].len;
        if (o->stage == STAGE_TEXT)
            read_bodies(m, o, &in[i]);
    }
    int nt = o->threads ? o->threads : 1;
    int rounds = o->repeat ? o->repeat : 1;
    total *= (size_t)rounds; /* each file is read once, processed `rounds` times */
    bench_job jobs[64];
    pthread_t th[64];
    double t0 = now_s(), c0 = cpu_s();
    for (int i = 0; i < nt; i++) {
        jobs[i] = (bench_job){m, o, in, nfiles, (size_t)nt, (size_t)i, 0, 0, 0, 0, 0};
        pthread_create(&th[i], NULL, bench_worker, &jobs[i]);
    }
    size_t docs = 0, sents = 0, toks = 0, bytes = 0, errors = 0;
    for (int i = 0; i < nt; i++) {
        pthread_join(th[i], NULL);
        docs += jobs[i].docs;
        sents += jobs[i].sentences;
        toks += jobs[i].tokens;
        bytes += jobs[i].bytes;
        errors += jobs[i].errors;
    }
    double el = now_s() - t0, cpu = cpu_s() - c0;
    if (el <= 0)
        el = 1e-9;
    if (cpu <= 0)
        cpu = 1e-9;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("bench stage=%s threads=%d repeat=%d files=%zu input=%.1f MB body=%.1f MB docs=%zu sentences=%zu",
           stage_names[o->stage],
           nt, rounds, nfiles, total / 1e6, bytes / 1e6, docs, sents);
    if (o->stage == STAGE_TEXT)
        printf(" tokens=%zu", toks);
    printf(" errors=%zu\n", errors);
    /* wall-clock rates, then rates per CPU second: on a busy machine the
     * second pair says what one core does */
    printf("  wall %.3f s  %.0f docs/s  %.0f sentences/s", el, docs / el, sents / el);
    if (o->stage == STAGE_TEXT)
        printf("  %.0f tokens/s", toks / el);
    printf("  %.1f MB/s (input)  %.1f MB/s (body)\n", total / 1e6 / el, bytes / 1e6 / el);
    printf("  cpu  %.3f s  %.0f docs/s  %.0f sentences/s", cpu, docs / cpu, sents / cpu);
    if (o->stage == STAGE_TEXT)
        printf("  %.0f tokens/s", toks / cpu);
    printf("  %.1f MB/s (input)  %.1f MB/s (body)  per CPU second\n", total / 1e6 / cpu, bytes / 1e6 / cpu);
    printf("  model load %.1f ms  peak RSS %.1f MB\n", load_s * 1e3, ru.ru_maxrss / 1024.0);
    for (size_t i = 0; i < nfiles; i++) {
        free(in[i].data);
        free(in[i].path);
        for (size_t b = 0; b < in[i].nbodies; b++)
            free(in[i].bodies[b].text);
        free(in[i].bodies);
    }
    free(in);
    free(files);
    return errors ? 1 : 0;
}

/* MARK: main */

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("%s", "a command is needed");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        puts("marsad " MARSAD_VERSION);
        return 0;
    }
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage_text, stdout);
            return 0;
        }
    static const char *const known[] = {"extract", "explain", "analyze", "lexicon", "bench"};
    int ok = 0;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        ok |= !strcmp(cmd, known[i]);
    if (!ok)
        return usage_error("unknown command '%s'", cmd);
    opts o = {0};
    int npos = parse_opts(argc - 2, argv + 2, &o);
    if (npos < 0)
        return 2;
    char **pos = argv + 2;
    if (!strcmp(cmd, "explain") && npos != 1)
        return usage_error("explain takes exactly one FILE%s", "");
    double t0 = now_s();
    marsad_error err = {0};
    marsad_model *m = marsad_model_new(&err);
    double load_s = now_s() - t0;
    if (!m) {
        fprintf(stderr, "marsad: cannot build the model: %s\n", err.msg);
        return 1;
    }
    int rc;
    if (!strcmp(cmd, "extract"))
        rc = run_extract(m, pos, npos, &o, 0);
    else if (!strcmp(cmd, "explain"))
        rc = run_extract(m, pos, npos, &o, 1);
    else if (!strcmp(cmd, "analyze"))
        rc = run_analyze(m, pos, npos, &o);
    else if (!strcmp(cmd, "lexicon"))
        rc = run_lexicon(m, pos, npos, &o);
    else
        rc = run_bench(m, pos, npos, &o, load_s);
    marsad_model_free(m);
    return rc;
}
