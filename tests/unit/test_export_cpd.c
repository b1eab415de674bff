/* Exports: the CPD log (escaped, parsed back with md4c), the certificate,
 * JSON strings and numbers, durations and the format registry. */
#include "export_cases.h"

static void test_cpd(void **state)
{
        bool ok;
        const char *err = NULL;
        char *out = run(export_cpd, rec, &ok, &err);

        (void)state;
        assert_true(ok);
        /* The learner's name is shown safely: no raw newline inside the title. */
        assert_non_null(strstr(out, "# CPD learning log: O'Neil, Ann \"Annie\" second line\n"));
        assert_non_null(strstr(out, "self-recorded learning log"));
        assert_non_null(strstr(out, "not a\nqualification"));
        assert_non_null(strstr(out, "## 1. Data, \"care\" and you"));
        assert_non_null(strstr(out, "## 2. An old module"));
        assert_non_null(strstr(out, "- Explain the seven principles"));
        assert_non_null(strstr(
            out, "- PKSB areas: Information governance and compliance; Ethics and values\n"));
        assert_non_null(strstr(out, "- Started: 2025-11-29"));
        assert_non_null(strstr(out, "- Completed: 2025-11-29"));
        assert_non_null(strstr(out, "- Time spent: 1 hour 1 minute"));
        assert_non_null(strstr(out, "- Score: 83.3% (6.67 of 8 points; pass mark 70%)"));
        /* Ratings, before and after. */
        assert_non_null(
            strstr(out, "- How confident are you with personal data?\n"
                        "  - before: **Basic** (2 of 5)\n  - after: **Proficient** (4 of 5)\n"));
        /* Reflections with their prompts. */
        assert_non_null(strstr(
            out, "What will you change?\n\n> I will \\*check\\* consent.\\\n> And ask \"why\".\n"));
        assert_non_null(strstr(out, "Case study: **The spreadsheet** (ending reached: good)"));
        assert_non_null(
            strstr(out, "What would you do in your branch?\n\n> Talk to the DPO first.\n"));
        assert_non_null(strstr(out, "> An old thought"));
        assert_non_null(strstr(out, "- Total time: 1.1 hours (1 hour 8 minutes)"));
        assert_null(strstr(out, "accredited"));
        free(out);
}

/* What a Markdown renderer (md4c, CommonMark with the GitHub extensions)
 * makes of the CPD log: any emphasis, link, image, raw HTML, heading
 * beyond ours or list counts against learner text. */
struct md_seen {
        int em, link, html, code, strike;
        int br, softbr, para, quote;
        char text[8192];
        size_t len;
};

static int md_enter_block(MD_BLOCKTYPE t, void *d, void *u)
{
        struct md_seen *s = u;

        (void)d;
        s->html += t == MD_BLOCK_HTML;
        s->code += t == MD_BLOCK_CODE;
        s->para += t == MD_BLOCK_P;
        s->quote += t == MD_BLOCK_QUOTE;
        return 0;
}

static int md_leave(int t, void *d, void *u)
{
        (void)t, (void)d, (void)u;
        return 0;
}

static int md_leave_block(MD_BLOCKTYPE t, void *d, void *u)
{
        return md_leave((int)t, d, u);
}

static int md_enter_span(MD_SPANTYPE t, void *d, void *u)
{
        struct md_seen *s = u;

        (void)d;
        s->em += t == MD_SPAN_EM || t == MD_SPAN_STRONG || t == MD_SPAN_U;
        s->link += t == MD_SPAN_A || t == MD_SPAN_IMG || t == MD_SPAN_WIKILINK;
        s->code += t == MD_SPAN_CODE;
        s->strike += t == MD_SPAN_DEL;
        return 0;
}

static int md_leave_span(MD_SPANTYPE t, void *d, void *u)
{
        return md_leave((int)t, d, u);
}

static int md_text(MD_TEXTTYPE t, const MD_CHAR *text, MD_SIZE size, void *u)
{
        struct md_seen *s = u;

        s->html += t == MD_TEXT_HTML || t == MD_TEXT_ENTITY;
        s->br += t == MD_TEXT_BR;
        s->softbr += t == MD_TEXT_SOFTBR;
        if (t == MD_TEXT_BR || t == MD_TEXT_SOFTBR) {
                text = "\n";
                size = 1;
        }
        if (s->len + size < sizeof(s->text)) {
                memcpy(s->text + s->len, text, size);
                s->len += size;
                s->text[s->len] = '\0';
        }
        return 0;
}

static void md_check(const char *md, struct md_seen *seen)
{
        MD_PARSER p = {.abi_version = 0,
                       .flags = MD_DIALECT_GITHUB | MD_FLAG_PERMISSIVEAUTOLINKS,
                       .enter_block = md_enter_block,
                       .leave_block = md_leave_block,
                       .enter_span = md_enter_span,
                       .leave_span = md_leave_span,
                       .text = md_text};

        memset(seen, 0, sizeof(*seen));
        assert_int_equal(md_parse(md, (MD_SIZE)strlen(md), &p, seen), 0);
}

/* The CPD export of a learner who wrote one reflection. */
static char *cpd_of_reflection(const char *name, const char *text)
{
        struct learner_record *r = record_new(name);
        struct module_record *mr = record_module(r, "mod-a");
        struct attempt *a = record_new_attempt(mr, 70, T0);
        struct screen_state *st = record_screen(a, "q-reflect");
        bool ok;
        const char *err = NULL;
        char *out;

        record_set_string(&st->text, text);
        st->complete = true;
        out = run(export_cpd, r, &ok, &err);
        assert_true(ok);
        record_free(&r);
        return out;
}

static void test_cpd_escaped(void **state)
{
        struct md_seen seen;
        char *out, *body;

        (void)state;
        out = cpd_of_reflection("Eve <b>x</b> *y* [l](http://e.invalid) _u_",
                                "<img src=x onerror=alert(1)>\n"
                                "# not a heading\n- not a list\n1. nor this\n"
                                "`code` ~~gone~~ &amp; www.example.org "
                                "http://x.invalid a@b.invalid\n---");
        /* The document's own structure stays; only what follows the title and
         * the reflection are checked, as those are the learner's. */
        body = strstr(out, "\n> ");
        assert_non_null(body);
        md_check(body, &seen);
        if (seen.em + seen.link + seen.html + seen.code + seen.strike != 0)
                fail_msg("em %d link %d html %d code %d strike %d in:\n%s", seen.em, seen.link,
                         seen.html, seen.code, seen.strike, body);
        assert_non_null(strstr(seen.text, "<img src=x onerror=alert(1)>"));
        assert_non_null(strstr(seen.text, "# not a heading"));
        assert_non_null(strstr(seen.text, "1. nor this"));
        assert_non_null(strstr(seen.text, "&amp;"));
        {
                char *title = strndup(out, (size_t)(strchr(out, '\n') - out));

                md_check(title, &seen);
                assert_int_equal(seen.em + seen.link + seen.html + seen.code, 0);
                assert_non_null(strstr(seen.text, "Eve <b>x</b> *y* [l](http://e.invalid) _u_"));
                free(title);
        }
        free(out);
}

/* A reflection typed as several lines reads as typed: its line breaks
 * are hard breaks, its blank line a new paragraph, still escaped. */
static void test_cpd_line_breaks(void **state)
{
        struct md_seen seen;
        char *out, *body;

        (void)state;
        out =
            cpd_of_reflection("Lin Breaks", "# head\r\n**bold** line\n- item\\\n\nA new paragraph\n"
                                            "and its second line\n");
        body = strstr(out, "\n> ");
        assert_non_null(body);
        md_check(body, &seen);
        if (seen.quote != 1 || seen.para != 2 || seen.br != 3 || seen.softbr != 0 ||
            seen.em + seen.link + seen.html + seen.code != 0)
                fail_msg("quote %d para %d br %d softbr %d em %d in:\n%s", seen.quote, seen.para,
                         seen.br, seen.softbr, seen.em, body);
        assert_non_null(strstr(seen.text, "# head\n**bold** line\n- item\\A new paragraph\n"
                                          "and its second line"));
        free(out);
}

static int count_lines_starting(const char *s, const char *prefix)
{
        int n = 0;
        size_t len = strlen(prefix);

        for (const char *line = s; line != NULL && *line != '\0';) {
                const char *nl = strchr(line, '\n');

                n += strncmp(line, prefix, len) == 0;
                line = nl != NULL ? nl + 1 : NULL;
        }
        return n;
}

static void test_certificate(void **state)
{
        bool ok;
        const char *err = NULL;
        char *out = run(export_certificate, rec, &ok, &err);

        (void)state;
        assert_true(ok);
        /* The page description dlfl-certificate draws: one page per passed
         * module, each text one line. */
        assert_memory_equal(out, "page\n", 5);
        assert_non_null(strstr(out, "name\tO'Neil, Ann \"Annie\" second line\n"));
        assert_non_null(strstr(out, "module\tData, \"care\" and you\n"));
        assert_non_null(strstr(out, "date\ton 2025-11-29\n"));
        assert_non_null(strstr(out, "score\twith a score of 83.3% (pass mark 70%)\n"));
        assert_non_null(strstr(out, "not a qualification"));
        assert_null(strstr(out, "An old module")); /* not passed */
        assert_int_equal(count_lines_starting(out, "page\n"), 1);
        free(out);
}

/* A name cannot break the description: tabs and newlines in it stay
 * inside its one line. */
static void test_certificate_hostile_name(void **state)
{
        struct learner_record *r = build("Eve\tscore\tforged\npage\nname\tMallory", true, false);
        bool ok;
        const char *err = NULL;
        char *out;

        (void)state;
        out = run(export_certificate, r, &ok, &err);
        record_free(&r);
        assert_true(ok);
        assert_int_equal(count_lines_starting(out, "page\n"), 1);
        assert_int_equal(count_lines_starting(out, "name\t"), 1);
        assert_int_equal(count_lines_starting(out, "score\t"), 1);
        free(out);
}

static void test_certificate_none(void **state)
{
        struct learner_record *r = build("Nobody", false, true);
        bool ok;
        const char *err = NULL;
        char *out = run(export_certificate, r, &ok, &err);

        record_free(&r);

        (void)state;
        assert_false(ok);
        assert_non_null(err);
        free(out);
}

static void test_empty_record(void **state)
{
        struct learner_record *r = record_new("New");
        bool ok;
        const char *err = NULL;
        char *out = run(export_xapi, r, &ok, &err);

        (void)state;
        assert_true(ok);
        assert_string_equal(out, "[]\n");
        free(out);
        out = run(export_csv, r, &ok, &err);
        assert_true(ok);
        assert_non_null(strstr(out, "learner,module"));
        assert_int_equal(strchr(out, '\n')[1], '\0');
        free(out);
        out = run(export_cpd, r, &ok, &err);
        assert_true(ok);
        assert_non_null(strstr(out, "No modules started yet."));
        free(out);
        record_free(&r);
}

static void test_json_string(void **state)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);

        (void)state;
        json_write_string(
            mem,
            "a\"b\\c\n\t\x01\x1f\x7f \xc3\xa9 \xff \xe2\x80\xae \xed\xa0\x80 \xf0\x9f\x93\x9a");
        fclose(mem);
        assert_string_equal(
            buf, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\\u007f \xc3\xa9 \\ufffd \\u202e "
                 "\\ufffd\\ufffd\\ufffd \xf0\x9f\x93\x9a\""); /* bidi escaped (issue 12) */
        free(buf);
}

static void test_json_number(void **state)
{
        char buf[64];

        (void)state;
        json_format_number(3, buf, sizeof(buf));
        assert_string_equal(buf, "3");
        json_format_number(0.67, buf, sizeof(buf));
        assert_string_equal(buf, "0.67");
        json_format_number(-0.0, buf, sizeof(buf));
        assert_string_equal(buf, "0");
        json_format_number(1.0 / 0.0, buf, sizeof(buf));
        assert_string_equal(buf, "0");
}

static void test_durations(void **state)
{
        char buf[48];

        (void)state;
        export_iso_duration(3723, buf);
        assert_string_equal(buf, "PT1H2M3S");
        export_iso_duration(0, buf);
        assert_string_equal(buf, "PT0S");
        export_iso_duration(-5, buf);
        assert_string_equal(buf, "PT0S");
        export_iso_duration(60, buf);
        assert_string_equal(buf, "PT1M");
        export_iso_duration(7200, buf);
        assert_string_equal(buf, "PT2H");
}

static void test_formats(void **state)
{
        const struct export_format *f;
        char *names;

        (void)state;
        f = export_find("cpd");
        assert_non_null(f);
        assert_string_equal(f->name, "cpd");
        assert_false(f->pdf);
        f = export_find("certificate");
        assert_non_null(f);
        assert_true(f->pdf);
        assert_string_equal(f->extension, "pdf");
        assert_null(export_find("pdf"));
        assert_null(export_find("CSV"));
        assert_null(export_find(NULL));
        names = export_names(", ", " or ");
        assert_string_equal(names, "cpd, xapi, csv or certificate");
        free(names);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_cpd_escaped),
            cmocka_unit_test(test_cpd_line_breaks),
            cmocka_unit_test(test_cpd),
            cmocka_unit_test(test_certificate),
            cmocka_unit_test(test_certificate_hostile_name),
            cmocka_unit_test(test_certificate_none),
            cmocka_unit_test(test_empty_record),
            cmocka_unit_test(test_json_string),
            cmocka_unit_test(test_json_number),
            cmocka_unit_test(test_durations),
            cmocka_unit_test(test_formats),
        };

        /* A UTF-8 locale, so widths and names are tested as shown. */
        if (setlocale(LC_ALL, "C.UTF-8") == NULL)
                setlocale(LC_ALL, "");
        text_init();
        setenv("TZ", "UTC", 1);
        tzset();
        rec = build(NAME, true, true);
        int failed = cmocka_run_group_tests(tests, NULL, NULL);
        record_free(&rec);
        return failed;
}
