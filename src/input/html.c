/* html.c — web pages: metadata from <head> and JSON-LD, the article text
 * from the main content element, boilerplate elements removed first.
 *
 * Parsing is libxml2's HTML parser in recovery mode without network access:
 * truncated and tag-soup pages still give a tree. What counts as boilerplate
 * (tags, class and id names) is data in data/input/boilerplate.txt. */
#include <limits.h>
#include <stdlib.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "input/reader.h"

#define MAX_DEPTH 600   /* deeper markup is skipped rather than recursed into */

/* MARK: tree helpers */

static bool is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

static char *prop(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp((xmlNode *)n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = ms_strdup((const char *)v);
    xmlFree(v);
    return s;
}

static bool is_block(const xmlNode *n)
{
    static const char *const blocks[] = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
                                         "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
                                         "tr", "td", "th", "thead", "tbody", "br", "hr", "figure", "header",
                                         "footer", "address", "center", "body", "html", "caption", "details",
                                         "summary", "fieldset", "hgroup"};
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    for (size_t i = 0; i < MS_ARRAY_LEN(blocks); i++)
        if (!strcmp((const char *)n->name, blocks[i]))
            return true;
    return false;
}

/* Append s with white space runs folded to one space. */
static void add_folded(msbuf *b, const char *s, bool *space)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f';
        /* a no-break space is a space in running text */
        if (*p == 0xC2 && p[1] == 0xA0) {
            ws = true;
            p++;
        }
        if (ws) {
            *space = true;
            continue;
        }
        if (*space && b->len && b->s[b->len - 1] != '\n')
            msbuf_addc(b, ' ');
        *space = false;
        msbuf_addc(b, (char)*p);
    }
}

static void break_line(msbuf *b, bool *space)
{
    while (b->len && b->s[b->len - 1] == ' ')
        b->len--;
    if (b->len && b->s[b->len - 1] != '\n')
        msbuf_addc(b, '\n');
    *space = false;
}

/* Text of a subtree; block elements start new lines when `lines`. */
static void text_of(const xmlNode *n, msbuf *b, bool *space, bool lines, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                add_folded(b, (const char *)c->content, space);
        } else if (c->type == XML_ELEMENT_NODE) {
            bool blk = lines && is_block(c);
            if (blk)
                break_line(b, space);
            else if (is_el(c, "td") || is_el(c, "th"))
                *space = true;
            text_of(c, b, space, lines, depth + 1);
            if (blk)
                break_line(b, space);
        }
    }
}

static char *node_text(const xmlNode *n, bool lines, size_t *len)
{
    msbuf b;
    msbuf_init(&b);
    bool space = false;
    text_of(n, &b, &space, lines, 0);
    while (b.len && (b.s[b.len - 1] == ' ' || b.s[b.len - 1] == '\n'))
        b.len--;
    msbuf_addc(&b, 0);
    if (b.oom) {
        msbuf_free(&b);
        return NULL;
    }
    char *s = msbuf_take(&b, NULL);
    size_t o = 0;
    while (s[o] == ' ' || s[o] == '\n')
        o++;
    if (o)
        memmove(s, s + o, strlen(s + o) + 1);
    if (len)
        *len = strlen(s);
    return s;
}

/* MARK: metadata */

typedef struct meta {
    char *title, *og_title, *tw_title, *site, *og_url, *canonical, *published, *h1, *h1_article, *time,
        *time_art, *time_text, *ld_headline, *ld_date, *ld_publisher, *ld_url, *ld_body, *twitter_site;
} meta;

static void meta_free(meta *m)
{
    char **f[] = {&m->title, &m->og_title, &m->tw_title, &m->site, &m->og_url, &m->canonical, &m->published,
                  &m->h1, &m->h1_article, &m->time, &m->time_art, &m->time_text, &m->ld_headline, &m->ld_date,
                  &m->ld_publisher, &m->ld_url, &m->ld_body, &m->twitter_site};
    for (size_t i = 0; i < MS_ARRAY_LEN(f); i++)
        free(*f[i]);
}

static void keep(char **slot, char *v)
{
    if (!*slot && v && *v)
        *slot = v;
    else
        free(v);
}

static void keep_str(char **slot, const char *v)
{
    if (!*slot && v && *v)
        *slot = ms_strdup(v);
}

static bool is_article_type(json_t *t)
{
    static const char *const types[] = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                                        "BlogPosting", "OpinionNewsArticle", "BackgroundNewsArticle",
                                        "LiveBlogPosting", "Report"};
    if (json_is_array(t)) {
        size_t i;
        json_t *v;
        json_array_foreach(t, i, v) if (is_article_type(v)) return true;
        return false;
    }
    if (!json_is_string(t))
        return false;
    const char *s = json_string_value(t);
    for (size_t i = 0; i < MS_ARRAY_LEN(types); i++)
        if (!strcmp(s, types[i]))
            return true;
    return false;
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_array(v) && json_is_string(json_array_get(v, 0)))
        return json_string_value(json_array_get(v, 0));
    return NULL;
}

static void ld_walk(json_t *v, meta *m, int depth)
{
    if (depth > 16)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) ld_walk(e, m, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    if (is_article_type(json_object_get(v, "@type"))) {
        keep_str(&m->ld_headline, jstr(v, "headline"));
        keep_str(&m->ld_date, jstr(v, "datePublished"));
        keep_str(&m->ld_date, jstr(v, "dateCreated"));
        keep_str(&m->ld_url, jstr(v, "url"));
        keep_str(&m->ld_body, jstr(v, "articleBody"));
        json_t *pub = json_object_get(v, "publisher");
        if (json_is_array(pub))
            pub = json_array_get(pub, 0);
        if (json_is_object(pub))
            keep_str(&m->ld_publisher, jstr(pub, "name"));
        else if (json_is_string(pub))
            keep_str(&m->ld_publisher, json_string_value(pub));
    }
    json_t *g = json_object_get(v, "@graph");
    if (g)
        ld_walk(g, m, depth + 1);
}

static void read_meta_tag(const xmlNode *n, meta *m)
{
    char *key = prop(n, "property");
    if (!key)
        key = prop(n, "name");
    if (!key)
        key = prop(n, "itemprop");
    char *content = key ? prop(n, "content") : NULL;
    if (!key || !content) {
        free(key);
        free(content);
        return;
    }
    for (char *p = key; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p += 32;
    static const char *const date_names[] = {"article:published_time", "og:published_time", "datepublished",
                                             "date", "pubdate", "publishdate", "publish-date", "publish_date",
                                             "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date",
                                             "sailthru.date", "article.published", "published_time",
                                             "article_date_original", "original-publish-date"};
    if (!strcmp(key, "og:title"))
        keep(&m->og_title, content);
    else if (!strcmp(key, "twitter:title"))
        keep(&m->tw_title, content);
    else if (!strcmp(key, "og:site_name") || !strcmp(key, "application-name"))
        keep(&m->site, content);
    else if (!strcmp(key, "og:url"))
        keep(&m->og_url, content);
    else if (!strcmp(key, "twitter:site"))
        keep(&m->twitter_site, content);
    else {
        bool date = false;
        for (size_t i = 0; i < MS_ARRAY_LEN(date_names) && !date; i++)
            date = !strcmp(key, date_names[i]);
        if (date)
            keep(&m->published, content);
        else
            free(content);
    }
    free(key);
}

static void meta_walk(const xmlNode *n, meta *m, bool in_article, bool in_chrome, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        bool art = in_article || !strcmp(name, "article");
        bool chrome = in_chrome || !strcmp(name, "nav") || !strcmp(name, "footer") || !strcmp(name, "aside");
        if (!strcmp(name, "title") && !m->title) {
            keep(&m->title, node_text(c, false, NULL));
        } else if (!strcmp(name, "meta")) {
            read_meta_tag(c, m);
        } else if (!strcmp(name, "link")) {
            char *rel = prop(c, "rel");
            if (rel && !strcmp(rel, "canonical"))
                keep(&m->canonical, prop(c, "href"));
            free(rel);
        } else if (!strcmp(name, "script")) {
            char *type = prop(c, "type");
            if (type && ms_ascii_ieq(type, "application/ld+json", 19) && c->children && c->children->content) {
                json_error_t je;
                const char *txt = (const char *)c->children->content;
                json_t *j = json_loadb(txt, strlen(txt), 0, &je);
                if (j)
                    ld_walk(j, m, 0);
                json_decref(j);
            }
            free(type);
            continue;
        } else if (!strcmp(name, "h1") && !chrome) {
            if (art)
                keep(&m->h1_article, node_text(c, false, NULL));
            keep(&m->h1, node_text(c, false, NULL));
        } else if (!strcmp(name, "time") && !chrome) {
            keep(art ? &m->time_art : &m->time, prop(c, "datetime"));
            if (art)
                keep(&m->time_text, node_text(c, false, NULL));
        }
        if (c->children)
            meta_walk(c->children, m, art, chrome, depth + 1);
    }
}

/* MARK: boilerplate elements */

static bool protected_el(const xmlNode *n)
{
    static const char *const keep_tags[] = {"html", "body", "article", "main"};
    for (size_t i = 0; i < MS_ARRAY_LEN(keep_tags); i++)
        if (is_el(n, keep_tags[i]))
            return true;
    char *ip = prop(n, "itemprop");
    bool body = ip && strstr(ip, "articleBody");
    free(ip);
    return body;
}

static bool contains_el(const xmlNode *n, const char *name, int depth)
{
    if (depth > MAX_DEPTH)
        return false;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (is_el(c, name) || contains_el(c, name, depth + 1)))
            return true;
    return false;
}

static const char *class_kind(marsad_reader *r, const xmlNode *n)
{
    static const char *const attrs[] = {"class", "id", "role"};
    for (size_t i = 0; i < MS_ARRAY_LEN(attrs); i++) {
        char *v = prop(n, attrs[i]);
        if (!v)
            continue;
        const char *k = NULL;
        if (i == 2)
            k = (!strcmp(v, "navigation") || !strcmp(v, "banner") || !strcmp(v, "contentinfo") ||
                 !strcmp(v, "complementary") || !strcmp(v, "search") || !strcmp(v, "dialog"))
                    ? "-"
                    : NULL;
        else
            k = ms_clean_html_class(r->clean, v);
        free(v);
        if (k)
            return k;
    }
    return NULL;
}

static bool hidden(const xmlNode *n)
{
    if (xmlHasProp((xmlNode *)n, (const xmlChar *)"hidden"))
        return true;
    char *a = prop(n, "aria-hidden");
    bool h = a && !strcmp(a, "true");
    free(a);
    if (h)
        return true;
    char *st = prop(n, "style");
    h = st && (strstr(st, "display:none") || strstr(st, "display: none"));
    free(st);
    return h;
}

/* Remove boilerplate elements, recording their text under their kind. */
static void strip(marsad_reader *r, marsad_doc *d, xmlNode *n, int depth)
{
    xmlNode *c = n->children;
    while (c) {
        xmlNode *next = c->next;
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            const char *kind = ms_clean_html_tag(r->clean, (const char *)c->name);
            if (!kind && !protected_el(c)) {
                kind = class_kind(r, c);
                if (kind && (contains_el(c, "article", 0) || contains_el(c, "main", 0)))
                    kind = NULL;
                if (!kind && hidden(c))
                    kind = "-";
            }
            if (kind || depth > MAX_DEPTH) {
                if (kind && strcmp(kind, "-") != 0) {
                    size_t len;
                    char *t = node_text(c, true, &len);
                    if (t)
                        ms_doc_add_removed(d, kind, t, len);
                    free(t);
                }
                xmlUnlinkNode(c);
                xmlFreeNode(c);
            } else {
                strip(r, d, c, depth + 1);
            }
        }
        c = next;
    }
}

/* MARK: main content */

static bool paragraph_like(const xmlNode *c)
{
    return is_el(c, "p") || is_el(c, "blockquote") || is_el(c, "pre") || is_el(c, "h2") || is_el(c, "h3") ||
           is_el(c, "h4") || is_el(c, "li") || is_el(c, "ul") || is_el(c, "ol");
}

static size_t text_len(const xmlNode *n, int depth)
{
    size_t t = 0;
    if (depth > MAX_DEPTH)
        return 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const char *p = (const char *)c->content; *p; p++)
                t += *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r';
        } else if (c->type == XML_ELEMENT_NODE) {
            t += text_len(c, depth + 1);
        }
    }
    return t;
}

/* Score: text held by an element's own paragraphs and loose text, the
 * shape of an article body (a <div> of <p>s, or text broken by <br>). */
static void best_content(const xmlNode *n, const xmlNode **best, size_t *best_score, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        size_t score = 0;
        for (const xmlNode *k = c->children; k; k = k->next) {
            if (k->type == XML_TEXT_NODE && k->content) {
                size_t l = 0;
                for (const char *p = (const char *)k->content; *p; p++)
                    l += *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r';
                if (l > 40)
                    score += l;
            } else if (paragraph_like(k)) {
                score += text_len(k, depth + 2);
            }
        }
        if (score > *best_score) {
            *best_score = score;
            *best = c;
        }
        best_content(c, best, best_score, depth + 1);
    }
}

static const xmlNode *find_first(const xmlNode *n, bool (*pred)(const xmlNode *), int depth)
{
    if (depth > MAX_DEPTH)
        return NULL;
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (pred(c))
            return c;
        const xmlNode *f = find_first(c->children, pred, depth + 1);
        if (f)
            return f;
    }
    return NULL;
}

static bool is_article_body(const xmlNode *n)
{
    char *ip = prop(n, "itemprop");
    bool b = ip && strstr(ip, "articleBody");
    free(ip);
    return b;
}

static void largest_article(const xmlNode *n, const xmlNode **best, size_t *len, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, "article")) {
            size_t l = text_len(c, depth);
            if (l > *len) {
                *len = l;
                *best = c;
            }
        }
        largest_article(c->children, best, len, depth + 1);
    }
}

/* MARK: title and outlet */

/* "Headline | Site" and "Site - Headline": cut the part naming the site;
 * returns the outlet it names when the dictionary knows it. */
static const char *strip_site(marsad_reader *r, char *t, const char *site)
{
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " ｜ "};
    for (size_t i = 0; i < MS_ARRAY_LEN(seps); i++) {
        size_t sl = strlen(seps[i]);
        char *last = NULL;
        for (char *p = strstr(t, seps[i]); p; p = strstr(p + 1, seps[i]))
            last = p;
        if (last) {
            const char *tail = last + sl;
            const char *o = ms_outlet_canonical(r->outlets, tail, strlen(tail), MS_OUTLET_CONTEXT);
            if (o || (site && !strcmp(tail, site))) {
                *last = 0;
                return o;
            }
        }
        char *first = strstr(t, seps[i]);
        if (first && first != t) {
            size_t hl = (size_t)(first - t);
            const char *o = ms_outlet_canonical(r->outlets, t, hl, MS_OUTLET_CONTEXT);
            if (o || (site && strlen(site) == hl && !memcmp(t, site, hl))) {
                memmove(t, first + sl, strlen(first + sl) + 1);
                return o;
            }
        }
    }
    return NULL;
}

static void set_title(marsad_reader *r, marsad_doc *d, meta *m, const char **title_outlet)
{
    const char *site = m->site ? m->site : m->ld_publisher;
    const char *cands[] = {m->h1_article, m->ld_headline, m->og_title, m->tw_title, m->h1, m->title};
    for (size_t i = 0; i < MS_ARRAY_LEN(cands) && !d->title; i++) {
        if (!cands[i])
            continue;
        char *t = ms_strtrim_dup(cands[i], strlen(cands[i]));
        if (!t)
            return;
        /* folded white space: titles come from markup */
        size_t o = 0;
        bool sp = false;
        for (size_t k = 0; t[k]; k++) {
            bool ws = t[k] == ' ' || t[k] == '\n' || t[k] == '\t' || t[k] == '\r';
            if (ws) {
                sp = o > 0;
                continue;
            }
            if (sp)
                t[o++] = ' ';
            sp = false;
            t[o++] = t[k];
        }
        t[o] = 0;
        const char *named = strip_site(r, t, site);
        if (named && !*title_outlet)
            *title_outlet = named;
        ms_doc_set(&d->title, t, strlen(t));
        free(t);
    }
}

static void set_outlet(marsad_reader *r, marsad_doc *d, meta *m, const char *title_outlet)
{
    if (d->outlet)
        return;
    const char *named[] = {m->site, m->ld_publisher};
    for (size_t i = 0; i < MS_ARRAY_LEN(named); i++)
        if (named[i]) {
            const char *c = ms_outlet_canonical(r->outlets, named[i], strlen(named[i]), MS_OUTLET_CONTEXT);
            if (c) {
                ms_doc_set(&d->outlet, c, strlen(c));
                return;
            }
        }
    const char *urls[] = {d->url, m->og_url, m->canonical, m->ld_url};
    for (size_t i = 0; i < MS_ARRAY_LEN(urls); i++)
        if (urls[i]) {
            const char *c = ms_outlet_from_host(r->outlets, urls[i], strlen(urls[i]));
            if (c) {
                ms_doc_set(&d->outlet, c, strlen(c));
                return;
            }
        }
    if (m->twitter_site) {
        const char *c = ms_outlet_canonical(r->outlets, m->twitter_site, strlen(m->twitter_site), MS_OUTLET_CONTEXT);
        if (c) {
            ms_doc_set(&d->outlet, c, strlen(c));
            return;
        }
    }
    if (title_outlet) {
        ms_doc_set(&d->outlet, title_outlet, strlen(title_outlet));
        return;
    }
    /* a site the dictionary does not know still names the outlet */
    const char *raw = m->site ? m->site : m->ld_publisher;
    if (raw)
        ms_doc_set(&d->outlet, raw, strlen(raw));
}

static void set_date(marsad_doc *d, meta *m)
{
    if (d->published || d->published_text)
        return;
    const char *cands[] = {m->published, m->ld_date, m->time_art, m->time};
    char ymd[11];
    for (size_t i = 0; i < MS_ARRAY_LEN(cands); i++)
        if (cands[i] && ms_meta_date(cands[i], strlen(cands[i]), ymd)) {
            ms_doc_set(&d->published, ymd, 10);
            ms_doc_set(&d->published_text, cands[i], strlen(cands[i]));
            return;
        }
    for (size_t i = 0; i < MS_ARRAY_LEN(cands); i++)
        if (cands[i]) {
            ms_doc_set(&d->published_text, cands[i], strlen(cands[i]));
            return;
        }
    if (m->time_text)
        ms_doc_set(&d->published_text, m->time_text, strlen(m->time_text));
}

/* MARK: entry points */

bool ms_html_extract(marsad_reader *r, marsad_doc *d, const char *html, size_t n, unsigned *flags)
{
    *flags = 0;
    if (n > INT_MAX)
        n = INT_MAX;
    htmlDocPtr doc = htmlReadMemory(html, (int)n, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        *flags = MS_CLEAN_FIND_TITLE;
        return false;
    }
    meta m;
    memset(&m, 0, sizeof m);
    meta_walk(root, &m, false, false, 0);
    if (!d->url) {
        const char *u = m.og_url ? m.og_url : m.canonical ? m.canonical : m.ld_url;
        if (u)
            ms_doc_set(&d->url, u, strlen(u));
    }
    const char *title_outlet = NULL;
    set_title(r, d, &m, &title_outlet);
    /* the <title> names the site even when another candidate gave the title */
    if (!title_outlet && m.title) {
        char *t = ms_strdup(m.title);
        if (t)
            title_outlet = strip_site(r, t, m.site);
        free(t);
    }
    set_outlet(r, d, &m, title_outlet);
    set_date(d, &m);

    strip(r, d, root, 0);
    const xmlNode *content = find_first(root, is_article_body, 0);
    if (!content) {
        size_t alen = 0;
        largest_article(root, &content, &alen, 0);
        if (content && alen < 200)
            content = NULL;
    }
    if (!content) {
        size_t score = 0;
        best_content(root, &content, &score, 0);
        if (score < 80)
            content = NULL;
    }
    if (!content) {
        const xmlNode *body = root;
        for (const xmlNode *c = root->children; c; c = c->next)
            if (is_el(c, "body"))
                body = c;
        content = body;
    }
    size_t len = 0;
    char *text = node_text(content, true, &len);
    /* JSON-LD's articleBody when the page shows much less (text loaded by script) */
    if (m.ld_body && strlen(m.ld_body) > 2 * len + 200) {
        free(text);
        text = ms_strdup(m.ld_body);
        len = text ? strlen(text) : 0;
    }
    if (text && !d->body)
        ms_doc_set_body(d, text, len);
    else
        free(text);
    meta_free(&m);
    xmlFreeDoc(doc);
    *flags = d->title ? 0 : MS_CLEAN_FIND_TITLE;
    return len > 0;
}

int ms_read_html(marsad_reader *r, marsad_doc **doc, marsad_error *err)
{
    r->done = true;
    marsad_doc *d = ms_reader_doc(r, "html", 0, r->len);
    if (!d || !(d->id = ms_strdup(r->base))) {
        marsad_doc_free(d);
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
        return MARSAD_ENOMEM;
    }
    unsigned flags = 0;
    bool any = ms_html_extract(r, d, r->data, r->len, &flags);
    if (!any && !d->title) {
        ms_seterr(err, MARSAD_EFORMAT, 1, 0, "line 1: HTML page without any text");
        marsad_doc_free(d);
        return MARSAD_EFORMAT;
    }
    int rc = ms_reader_finish(r, d, flags);
    if (rc < 0) {
        marsad_doc_free(d);
        ms_seterr(err, rc, 0, 0, "%s", marsad_strerror(rc));
        return rc;
    }
    r->ndocs++;
    *doc = d;
    return MARSAD_OK;
}
