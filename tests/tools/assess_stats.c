/* Reports what could let a learner guess an answer without knowing it, for
 * the content test (tests/e2e/modules_assessment.sh): per module, how many
 * true-false answers are true and false, how many choice questions have a
 * right answer that is the longest choice, and where the right answer sits
 * in questions that are not shuffled. Also the fields a shipped module must
 * carry: minutes, PKSB areas, reviewed date.
 *
 *   assess_stats FILE...   one line of KEY=VALUE per module */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "dlfl/loader.h"
#include "dlfl/text.h"

/* Display columns, so that a choice in Welsh or with curly quotes is
 * measured as it looks, not as its bytes. */
static size_t length_of(const char *s)
{
        return text_width(s, strlen(s));
}

static size_t words(const char *s)
{
        size_t n = 0;
        bool in = false;

        for (; s != NULL && *s; s++) {
                bool space = *s == ' ' || *s == '\n' || *s == '\t';
                if (!space && !in)
                        n++;
                in = !space;
        }
        return n;
}

/* An honest estimate of the minutes a module takes: reading at 200 words a
 * minute, plus a minute for each question and half a minute for each
 * case-study step (reading it is counted with the words). */
static double estimate_minutes(const struct module *m)
{
        size_t w = words(m->summary);
        double extra = 0;

        for (size_t i = 0; i < m->nscreens; i++) {
                const struct screen *s = &m->screens[i];
                w += words(s->title) + words(s->body) + words(s->prompt) + words(s->explanation) +
                     words(s->reflection);
                for (size_t j = 0; j < s->nchoices; j++)
                        w += words(s->choices[j].text);
                for (size_t j = 0; j < s->nitems; j++)
                        w += words(s->items[j]);
                for (size_t j = 0; j < s->npairs; j++)
                        w += words(s->pairs[j].left) + words(s->pairs[j].right);
                for (size_t j = 0; j < s->nsteps; j++) {
                        w += words(s->steps[j].text);
                        for (size_t k = 0; k < s->steps[j].nchoices; k++)
                                w += words(s->steps[j].choices[k].text);
                }
                if (s->type == SCREEN_QUESTION)
                        extra += 1;
                if (s->type == SCREEN_CASE_STUDY)
                        extra += 0.5 * (double)s->nsteps + (s->reflection ? 1 : 0);
        }
        return (double)w / 200.0 + extra;
}

static void report(const struct module *m)
{
        size_t tf_true = 0, tf_false = 0, choice_q = 0, longest_right = 0, shortest_right = 0,
               fixed = 0, fixed_first = 0, text_q = 0, text_typos = 0;

        for (size_t i = 0; i < m->nscreens; i++) {
                const struct screen *s = &m->screens[i];
                if (s->type != SCREEN_QUESTION)
                        continue;
                if (s->kind == KIND_TRUE_FALSE) {
                        if (s->answer_true)
                                tf_true++;
                        else
                                tf_false++;
                }
                if (s->kind == KIND_TEXT) {
                        text_q++;
                        text_typos += s->typos;
                }
                if (s->kind != KIND_SINGLE && s->kind != KIND_MULTIPLE)
                        continue;
                choice_q++;
                size_t longest = 0, nlongest = 0, shortest = (size_t)-1, nshortest = 0;
                bool longest_is_right = false, shortest_is_right = false;
                for (size_t j = 0; j < s->nchoices; j++) {
                        size_t len = length_of(s->choices[j].text);
                        if (len > longest) {
                                longest = len;
                                nlongest = 1;
                                longest_is_right = s->choices[j].correct;
                        } else if (len == longest) {
                                nlongest++;
                        }
                        if (len < shortest) {
                                shortest = len;
                                nshortest = 1;
                                shortest_is_right = s->choices[j].correct;
                        } else if (len == shortest) {
                                nshortest++;
                        }
                }
                /* A tie for longest or shortest gives nothing away. */
                if (nlongest == 1 && longest_is_right)
                        longest_right++;
                if (nshortest == 1 && shortest_is_right)
                        shortest_right++;
                if (!s->shuffle) {
                        fixed++;
                        fixed_first += s->choices[0].correct;
                }
        }
        printf(
            "%s estimate=%.0f minutes=%d pksb=%zu reviewed=%s tf_true=%zu tf_false=%zu choice=%zu "
            "longest_right=%zu shortest_right=%zu unshuffled=%zu unshuffled_first_right=%zu "
            "text=%zu "
            "text_typos=%zu\n",
            m->id, estimate_minutes(m), m->minutes, m->npksb, m->reviewed ? m->reviewed : "none",
            tf_true, tf_false, choice_q, longest_right, shortest_right, fixed, fixed_first, text_q,
            text_typos);
}

int main(int argc, char **argv)
{
        int status = 0;

        for (int i = 1; i < argc; i++) {
                struct diag_list d = {0};
                struct module *m = loader_load_file(argv[i], &d);
                if (m == NULL) {
                        fprintf(stderr, "assess_stats: %s does not load\n", argv[i]);
                        status = 1;
                } else {
                        report(m);
                        model_free(&m);
                }
                diag_free(&d);
        }
        return status;
}
