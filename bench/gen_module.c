/* Writes a large, realistic module for the benchmark: lessons of Markdown
 * prose, questions of every kind and case studies, up to about the number
 * of bytes asked for.  usage: gen_module BYTES ID > FILE */
#include <stdio.h>
#include <stdlib.h>

static const char *const words[] = {
    "library",    "learners",  "digital", "service", "community",  "data",       "staff",
    "volunteers", "customers", "reading", "branch",  "council",    "skills",     "online",
    "support",    "privacy",   "access",  "events",  "makerspace", "confidence", "the",
    "and",        "with",      "for",     "every",   "local",      "people",     "new",
    "time",       "help",      "records", "week",
};
static unsigned long seed = 12345;

static const char *word(void)
{
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        return words[(seed >> 33) % (sizeof(words) / sizeof(words[0]))];
}

static long sentence(FILE *out, int n)
{
        long bytes = 0;
        for (int i = 0; i < n; i++)
                bytes += fprintf(out, "%s%s", i ? " " : "", word());
        bytes += fprintf(out, ".");
        return bytes;
}

int main(int argc, char **argv)
{
        long target, written = 0;
        int screen = 0, section = 0;

        if (argc != 3 || (target = atol(argv[1])) <= 0) {
                fputs("usage: gen_module BYTES ID\n", stderr);
                return 2;
        }
        written += printf("format: 1\nid: %s\ntitle: Benchmark %s\nsummary: A generated module "
                          "for measuring the loader.\nminutes: 45\noutcomes:\n  - Measure\n"
                          "sections:\n",
                          argv[2], argv[2]);
        while (written < target - 4096) {
                written +=
                    printf("  - id: s%d\n    title: Section %d\n    screens:\n", section, section);
                section++;
                for (int k = 0; k < 10 && written < target - 4096; k++, screen++) {
                        switch (k % 5) {
                        case 0:
                        case 1:
                                written +=
                                    printf("      - type: lesson\n        id: l%d\n        title: "
                                           "Lesson %d\n        body: |\n          ## A heading\n\n",
                                           screen, screen);
                                for (int p = 0; p < 6; p++) {
                                        written += printf("          ");
                                        written += sentence(stdout, 25);
                                        written += printf(" **%s** and *%s*.\n\n", word(), word());
                                }
                                written +=
                                    printf("          - %s\n          - %s\n", word(), word());
                                break;
                        case 2:
                                written +=
                                    printf("      - type: question\n        id: q%d\n        kind: "
                                           "single\n        prompt: Which %s?\n        choices:\n",
                                           screen, word());
                                for (int c = 0; c < 4; c++)
                                        written += printf(
                                            "          - text: Choice %d %s\n%s"
                                            "            feedback: Because %s.\n",
                                            c, word(), c == 1 ? "            correct: true\n" : "",
                                            word());
                                written +=
                                    printf("        hint: Think about %s.\n        explanation: "
                                           "The %s one.\n",
                                           word(), word());
                                break;
                        case 3:
                                written +=
                                    printf("      - type: question\n        id: q%d\n        kind: "
                                           "match\n        prompt: Match them.\n        pairs:\n",
                                           screen);
                                for (int c = 0; c < 3; c++)
                                        written +=
                                            printf("          - left: L%d %s\n            right: "
                                                   "R%d %s\n",
                                                   c, word(), c, word());
                                written += printf("        explanation: They pair up.\n");
                                break;
                        default:
                                written += printf("      - type: case-study\n        id: c%d\n     "
                                                  "   title: Case "
                                                  "%d\n        body: |\n          ",
                                                  screen, screen);
                                written += sentence(stdout, 40);
                                written += printf(
                                    "\n        steps:\n          - id: start\n            text: "
                                    "What now?\n            choices:\n              - text: Ask\n  "
                                    "   "
                                    "           next: good\n                feedback: Yes.\n       "
                                    " "
                                    "      - text: Wait\n                next: poor\n          - "
                                    "id: "
                                    "good\n            text: Well done.\n            ending: "
                                    "good\n   "
                                    "       - id: poor\n            text: Not so good.\n           "
                                    " "
                                    "ending: poor\n        reflection: What would you do?\n");
                        }
                }
        }
        return ferror(stdout) || fflush(stdout) != 0;
}
