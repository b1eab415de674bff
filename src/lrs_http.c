/* The LRS client (lrs.h): libcurl, loaded on first use. */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "dlfl/lrs.h"
#include "dlfl/xalloc.h"

#define REPLY_MAX (16 * 1024)

static struct {
        bool tried, ok;
        void *lib;
        char why[256];
        CURLcode (*global_init)(long);
        CURL *(*easy_init)(void);
        CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
        CURLcode (*easy_perform)(CURL *);
        CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
        void (*easy_cleanup)(CURL *);
        const char *(*easy_strerror)(CURLcode);
        struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
        void (*slist_free_all)(struct curl_slist *);
} curl;

/* Converts a data pointer from dlsym to a function pointer, as POSIX allows. */
#define LOAD(field, name)                                                                          \
        do {                                                                                       \
                void *sym = dlsym(curl.lib, name);                                                 \
                if (sym == NULL)                                                                   \
                        goto missing;                                                              \
                memcpy(&curl.field, &sym, sizeof(sym));                                            \
        } while (0)

static bool load(void)
{
        if (curl.tried)
                return curl.ok;
        curl.tried = true;
        curl.lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
        if (curl.lib == NULL) {
                snprintf(curl.why, sizeof(curl.why),
                         "libcurl cannot be loaded (install libcurl4): %s", dlerror());
                return false;
        }
        LOAD(global_init, "curl_global_init");
        LOAD(easy_init, "curl_easy_init");
        LOAD(easy_setopt, "curl_easy_setopt");
        LOAD(easy_perform, "curl_easy_perform");
        LOAD(easy_getinfo, "curl_easy_getinfo");
        LOAD(easy_cleanup, "curl_easy_cleanup");
        LOAD(easy_strerror, "curl_easy_strerror");
        LOAD(slist_append, "curl_slist_append");
        LOAD(slist_free_all, "curl_slist_free_all");
        if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
                snprintf(curl.why, sizeof(curl.why), "libcurl cannot start");
                return false;
        }
        curl.ok = true;
        return true;
missing:
        snprintf(curl.why, sizeof(curl.why), "the libcurl found lacks a function dlfl needs");
        return false;
}

struct sink {
        char *buf;
        size_t len;
};

static size_t collect(char *data, size_t size, size_t n, void *ctx)
{
        struct sink *s = ctx;
        size_t bytes = size * n;
        size_t take = s->len + bytes > REPLY_MAX ? REPLY_MAX - s->len : bytes;

        if (take > 0) {
                s->buf = xrealloc(s->buf, s->len + take + 1);
                memcpy(s->buf + s->len, data, take);
                s->len += take;
                s->buf[s->len] = '\0';
        }
        return bytes;
}

bool lrs_post_statements(const struct settings *s, const char *body, size_t len,
                         struct lrs_reply *reply)
{
        struct curl_slist *headers = NULL;
        struct sink sink = {0};
        char *url, *agent;
        CURL *h;
        CURLcode rc;

        memset(reply, 0, sizeof(*reply));
        if (!load()) {
                reply->error = xstrdup(curl.why);
                return false;
        }
        h = curl.easy_init();
        if (h == NULL) {
                reply->error = xstrdup("libcurl cannot make a request");
                return false;
        }
        url = xasprintf("%sstatements", s->endpoint);
        agent = xasprintf("dlfl/%s", DLFL_VERSION);
        headers = curl.slist_append(headers, "Content-Type: application/json; charset=utf-8");
        headers = curl.slist_append(headers, "X-Experience-API-Version: 1.0.3");
        headers = curl.slist_append(headers, "Expect:");
        curl.easy_setopt(h, CURLOPT_URL, url);
        curl.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
        curl.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
        curl.easy_setopt(h, CURLOPT_USERAGENT, agent);
        curl.easy_setopt(h, CURLOPT_HTTPHEADER, headers);
        curl.easy_setopt(h, CURLOPT_POST, 1L);
        curl.easy_setopt(h, CURLOPT_POSTFIELDS, body);
        curl.easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
        curl.easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl.easy_setopt(h, CURLOPT_USERNAME, s->key);
        curl.easy_setopt(h, CURLOPT_PASSWORD, s->secret);
        curl.easy_setopt(h, CURLOPT_TIMEOUT, s->timeout);
        curl.easy_setopt(h, CURLOPT_CONNECTTIMEOUT, s->timeout < 10 ? s->timeout : 10L);
        curl.easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
        curl.easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
        if (s->ca_file != NULL)
                curl.easy_setopt(h, CURLOPT_CAINFO, s->ca_file);
        curl.easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
        curl.easy_setopt(h, CURLOPT_WRITEDATA, &sink);
        rc = curl.easy_perform(h);
        if (rc == CURLE_OK) {
                curl.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply->status);
                reply->body = sink.buf;
        } else {
                reply->error = xstrdup(curl.easy_strerror(rc));
                free(sink.buf);
        }
        curl.easy_cleanup(h);
        curl.slist_free_all(headers);
        free(agent);
        free(url);
        return true;
}

void lrs_reply_free(struct lrs_reply *reply)
{
        free(reply->body);
        free(reply->error);
        memset(reply, 0, sizeof(*reply));
}
