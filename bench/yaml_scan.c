/* The baseline for load time: reads a file and pulls every libyaml event,
 * doing nothing else. What dlfl check costs beyond this is dlfl's own. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
        yaml_parser_t p;
        yaml_event_t ev;
        FILE *f;
        static char buf[9 << 20];
        size_t n;
        long events = 0;
        int done = 0;

        if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL)
                return 2;
        n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, (const unsigned char *)buf, n);
        while (!done) {
                if (!yaml_parser_parse(&p, &ev))
                        return 1;
                done = ev.type == YAML_STREAM_END_EVENT;
                yaml_event_delete(&ev);
                events++;
        }
        yaml_parser_delete(&p);
        printf("%ld events\n", events);
        return 0;
}
