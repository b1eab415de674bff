/* The store on disk: records saved and read back, unknown ids kept, corrupt
 * records moved aside, permissions, unsafe directories, FIFOs, locks,
 * forgetting, listing, look-alike names and where the data directory is.
 * Fault injection and kills are in tests/e2e/records_*.sh. */
#include "store_cases.h"

static void replace_record(struct learner_record *dst, struct learner_record *src)
{
        struct learner_record *old = xmalloc(sizeof(*old));

        *old = *dst;
        *dst = *src;
        free(src);
        record_free(&old);
}

static void test_store_round_trip(void **state)
{
        char *dir = data_dir();
        const char *err = NULL;
        char *notice = NULL;
        struct store *st = store_open(dir, &err);
        struct store_handle *h;
        struct learner_record *want = fixture_record("Zoë", 9, 3, 20), *got;

        (void)state;
        assert_non_null(st);
        assert_string_equal(store_dir(st), dir);
        h = store_open_learner(st, "Zoë", &err, &notice);
        assert_non_null(h);
        assert_null(notice);
        assert_string_equal(store_record(h)->name, "Zoë");
        assert_int_equal(store_record(h)->nmodules, 0);
        replace_record(store_record(h), fixture_record("Zoë", 9, 3, 20));
        if (!store_save(h, &err))
                fail_msg("%s", err);
        assert_true(store_save(h, &err)); /* saving again is fine */
        store_close_learner(&h);
        assert_null(h);
        store_close_learner(&h);

        h = store_open_learner(st, "Zoë", &err, &notice);
        assert_non_null(h);
        assert_same(want, store_record(h));
        store_close_learner(&h);

        got = store_read(st, "Zoë", &err);
        assert_non_null(got);
        assert_same(want, got);
        record_free(&got);
        /* Issue 12: the same learner in any case or normal form; the
         * record keeps the name as first typed. */
        got = store_read(st, "ZOË", &err);
        assert_non_null(got);
        assert_string_equal(got->name, "Zoë");
        record_free(&got);
        got = store_read(st, "zoe\xcc\x88 ", &err); /* NFD, with a space after */
        assert_non_null(got);
        assert_string_equal(got->name, "Zoë");
        record_free(&got);
        assert_null(store_read(st, "Zoe", &err));
        assert_non_null(strstr(err, "no learner"));
        assert_null(store_read(st, "bad\nname", &err));

        record_free(&want);
        store_close(&st);
        assert_null(st);
        free(dir);
}

static void test_unknown_ids_kept(void **state)
{
        char *dir = data_dir();
        const char *err = NULL;
        char *notice = NULL, *path, *text;
        struct store *st = store_open(dir, &err);
        struct store_handle *h;
        struct learner_record *r;

        (void)state;
        /* A file with a module and screens no module has any more. */
        assert_int_equal(mkdir(dir, 0700), 0);
        path = xasprintf("%s/learners", dir);
        assert_int_equal(mkdir(path, 0700), 0);
        free(path);
        path = xasprintf("%s/learners/ann.yaml", dir);
        write_text(path, "dlfl-record: 1\nname: ann\ncreated: 2026-01-01T00:00:00Z\n"
                         "modules:\n  - id: withdrawn\n    title: Old module\n    attempts:\n"
                         "      - started: 2026-01-01T00:00:00Z\n        screens:\n"
                         "          - id: long-gone\n            complete: true\n"
                         "            text: my reflection\n");
        h = store_open_learner(st, "ann", &err, &notice);
        assert_non_null(h);
        r = store_record(h);
        /* The session adds progress for a module that exists today. */
        r->modules = xrealloc(r->modules, 2 * sizeof(*r->modules));
        memset(&r->modules[1], 0, sizeof(r->modules[1]));
        r->modules[1].module = xstrdup("current");
        r->nmodules = 2;
        assert_true(store_save(h, &err));
        store_close_learner(&h);
        text = slurp(path);
        assert_non_null(strstr(text, "withdrawn"));
        assert_non_null(strstr(text, "long-gone"));
        assert_non_null(strstr(text, "my reflection"));
        assert_non_null(strstr(text, "current"));
        free(text);
        free(path);
        store_close(&st);
        free(dir);
}

static void test_corrupt_moved_aside(void **state)
{
        static const char *const damage[] = {
            "",
            "dlfl-record: 1\nname: Ann\nmodules: [\n",
            "\x01\x02 binary",
            "name: Ann\n",
            "dlfl-record: 1\nname: Someone Else\n",
        };
        char *dir = data_dir();
        const char *err = NULL;
        struct store *st = store_open(dir, &err);
        char *learners = xasprintf("%s/learners", dir);
        char *path = xasprintf("%s/learners/%%41nn.yaml", dir);

        (void)state;
        for (size_t i = 0; i < 4; i++) {
                char *notice = NULL, *was;
                struct store_handle *h = store_open_learner(st, "Ann", &err, &notice);

                assert_non_null(h);
                store_close_learner(&h);
                write_text(path, damage[i]);
                was = slurp(path);
                h = store_open_learner(st, "Ann", &err, &notice);
                assert_non_null(h);
                assert_non_null(notice);
                assert_non_null(strstr(notice, "could not be read"));
                assert_non_null(strstr(notice, ".yaml.corrupt-"));
                assert_int_equal(store_record(h)->nmodules, 0);
                assert_string_equal(store_record(h)->name, "Ann");
                assert_int_equal(access(path, F_OK), -1); /* moved, not copied */
                assert_int_equal(count_files(learners, ".yaml.corrupt-"), i + 1);
                free(notice);
                /* The damaged bytes are kept as they were. */
                {
                        DIR *d = opendir(learners);
                        struct dirent *de;
                        bool found = false;

                        while ((de = readdir(d)) != NULL) {
                                char *p, *t;

                                if (strstr(de->d_name, ".corrupt-") == NULL)
                                        continue;
                                assert_int_equal(strncmp(de->d_name, "%41nn.yaml.corrupt-", 19), 0);
                                assert_true(strlen(de->d_name) >= 19 + 15);
                                assert_int_equal(de->d_name[19 + 8], 'T');
                                p = xasprintf("%s/%s", learners, de->d_name);
                                t = slurp(p);
                                if (strcmp(t, was) == 0)
                                        found = true;
                                free(t);
                                free(p);
                        }
                        closedir(d);
                        assert_true(found);
                }
                free(was);
                assert_true(store_save(h, &err));
                store_close_learner(&h);
        }
        /* A record under another name is refused, not moved or overwritten. */
        {
                char *notice = NULL;

                write_text(path, damage[4]);
                assert_null(store_open_learner(st, "Ann", &err, &notice));
                assert_non_null(strstr(err, "another name"));
                assert_int_equal(access(path, F_OK), 0);
        }
        free(path);
        free(learners);
        store_close(&st);
        free(dir);
}

static void check_modes(mode_t mask)
{
        char *dir = data_dir(), *learners = xasprintf("%s/learners", dir);
        char *rec = xasprintf("%s/ann.yaml", learners), *lock = xasprintf("%s/ann.lock", learners);
        const char *err = NULL;
        char *notice = NULL;
        struct store *st = store_open(dir, &err);
        struct store_handle *h;
        struct stat sb;
        mode_t old = umask(mask);

        h = store_open_learner(st, "ann", &err, &notice);
        assert_non_null(h);
        assert_true(store_save(h, &err));
        umask(old);
        assert_int_equal(stat(dir, &sb), 0);
        assert_int_equal(sb.st_mode & 07777, 0700);
        assert_int_equal(stat(learners, &sb), 0);
        assert_int_equal(sb.st_mode & 07777, 0700);
        assert_int_equal(stat(rec, &sb), 0);
        assert_int_equal(sb.st_mode & 07777, 0600);
        assert_int_equal(stat(lock, &sb), 0);
        assert_int_equal(sb.st_mode & 07777, 0600);
        assert_true(store_forget(&h, &err));
        store_close(&st);
        free(rec);
        free(lock);
        free(learners);
        free(dir);
        dir = xasprintf("rm -rf '%s/data'", tmpdir);
        assert_int_equal(system(dir), 0);
        free(dir);
}

static void test_permissions(void **state)
{
        (void)state;
        check_modes(0);
        check_modes(022);
        check_modes(077);
        check_modes(0277);
}

static void test_widened_dir_tightened(void **state)
{
        char *dir = data_dir(), *learners = xasprintf("%s/learners", dir);
        const char *err = NULL;
        char *notice = NULL;
        struct store *st = store_open(dir, &err);
        struct store_handle *h;
        struct stat sb;

        (void)state;
        assert_int_equal(mkdir(dir, 0755), 0);
        assert_int_equal(mkdir(learners, 0777), 0);
        assert_int_equal(chmod(learners, 0777), 0);
        h = store_open_learner(st, "ann", &err, &notice);
        assert_non_null(h);
        assert_int_equal(stat(learners, &sb), 0);
        assert_int_equal(sb.st_mode & 07777, 0700);
        store_close_learner(&h);
        store_close(&st);
        free(learners);
        free(dir);
}

/* Issue 12: like ssh's StrictModes, no record is written into a data
 * directory others can write to or that belongs to another user, nor
 * through a symbolic link standing for learners/ (whose target is left
 * alone); reading another user's directory (reports) still works. */
static void test_unsafe_dirs_refused(void **state)
{
        char *dir = data_dir(), *learners = xasprintf("%s/learners", dir);
        char *elsewhere = xasprintf("%s/elsewhere", tmpdir);
        const char *err = NULL;
        char *notice = NULL;
        struct store *st = store_open(dir, &err);
        struct store_handle *h;
        struct stat sb;

        (void)state;
        assert_int_equal(mkdir(dir, 0700), 0);
        assert_int_equal(chmod(dir, 0777), 0);
        h = store_open_learner(st, "ann", &err, &notice);
        assert_null(h);
        assert_non_null(strstr(err, "bad modes"));
        assert_non_null(strstr(err, dir));
        assert_int_equal(chmod(dir, 0700), 0);

        assert_int_equal(mkdir(elsewhere, 0755), 0);
        assert_int_equal(symlink(elsewhere, learners), 0);
        h = store_open_learner(st, "ann", &err, &notice);
        assert_null(h);
        assert_non_null(strstr(err, "symbolic link"));
        assert_int_equal(stat(elsewhere, &sb), 0);
        assert_int_equal(sb.st_mode & 07777, 0755); /* not chmodded */
        assert_int_equal(count_files(elsewhere, ".yaml"), 0);
        assert_int_equal(unlink(learners), 0);

        h = store_open_learner(st, "ann", &err, &notice);
        assert_non_null(h);
        assert_true(store_save(h, &err));
        store_close_learner(&h);
        if (geteuid() == 0 && chown(dir, 65534, 65534) == 0) {
                struct learner_record *r;
                size_t n;
                char **names;

                h = store_open_learner(st, "bob", &err, &notice);
                assert_null(h);
                assert_non_null(strstr(err, "bad ownership"));
                /* Reading for a report is still allowed. */
                names = store_list(st, &n, &err);
                assert_non_null(names);
                assert_int_equal(n, 1);
                store_names_free(names, n);
                r = store_read(st, "ann", &err);
                assert_non_null(r);
                record_free(&r);
        }
        store_close(&st);
        free(elsewhere);
        free(learners);
        free(dir);
}

/* Issue 12: a FIFO named like a record is never opened for reading in a
 * way that blocks: listing and reading go on (alarm() fails a hang). */
static void test_fifo_record_does_not_block(void **state)
{
        char *dir = data_dir(), *learners = xasprintf("%s/learners", dir);
        char *fifo = xasprintf("%s/+%064d.yaml", learners, 0);
        const char *err = NULL;
        char *notice = NULL, **names;
        size_t n;
        struct store *st = store_open(dir, &err);
        struct store_handle *h;

        (void)state;
        h = store_open_learner(st, "ann", &err, &notice);
        assert_non_null(h);
        assert_true(store_save(h, &err));
        store_close_learner(&h);
        assert_int_equal(mkfifo(fifo, 0600), 0);
        {
                char *p = xasprintf("%s/%%42ob.yaml", learners);

                assert_int_equal(mkfifo(p, 0600), 0);
                free(p);
        }
        alarm(10);
        names = store_list(st, &n, &err);
        assert_non_null(names);
        store_names_free(names, n);
        h = store_open_learner(st, "Bob", &err, &notice);
        if (h != NULL) /* set aside as damaged, or refused: either way, no hang */
                store_close_learner(&h);
        free(notice);
        notice = NULL;
        alarm(0);
        store_close(&st);
        free(fifo);
        free(learners);
        free(dir);
}

static void test_lock_in_process(void **state)
{
        char *dir = data_dir();
        const char *err = NULL;
        char *notice = NULL, pid[32];
        struct store *st = store_open(dir, &err);
        struct store_handle *a, *b, *c;

        (void)state;
        a = store_open_learner(st, "Ann", &err, &notice);
        assert_non_null(a);
        /* A second open of the same learner, even here, is refused and says
         * where the record is open. */
        b = store_open_learner(st, "Ann", &err, &notice);
        assert_null(b);
        snprintf(pid, sizeof(pid), "process %ld", (long)getpid());
        if (strstr(err, pid) == NULL)
                fail_msg("%s", err);
        assert_non_null(strstr(err, "already open"));
        /* Another learner is not affected, nor are names differing by case. */
        c = store_open_learner(st, "ann", &err, &notice);
        assert_non_null(c);
        /* Closing an unrelated descriptor of the lock file must not unlock. */
        {
                char *lp = xasprintf("%s/learners/%%41nn.lock", dir);
                int fd = open(lp, O_RDONLY);

                assert_true(fd >= 0);
                close(fd);
                free(lp);
                b = store_open_learner(st, "Ann", &err, &notice);
                assert_null(b);
        }
        assert_true(store_save(a, &err));
        store_close_learner(&a);
        b = store_open_learner(st, "Ann", &err, &notice);
        assert_non_null(b);
        store_close_learner(&b);
        store_close_learner(&c);
        store_close(&st);
        free(dir);
}

static void test_forget(void **state)
{
        char *dir = data_dir(), *learners = xasprintf("%s/learners", dir);
        const char *err = NULL;
        char *notice = NULL, **names;
        struct store *st = store_open(dir, &err);
        struct store_handle *h;
        size_t n;

        (void)state;
        h = store_open_learner(st, "Ann", &err, &notice);
        assert_true(store_save(h, &err));
        store_close_learner(&h);
        h = store_open_learner(st, "Bob", &err, &notice);
        assert_true(store_save(h, &err));
        store_close_learner(&h);
        /* A copy set aside earlier holds Ann's answers too. */
        {
                char *p = xasprintf("%s/%%41nn.yaml.corrupt-20260101T000000", learners);

                write_text(p, "old answers");
                free(p);
        }
        h = store_open_learner(st, "Ann", &err, &notice);
        assert_non_null(h);
        assert_true(store_forget(&h, &err));
        assert_null(h);
        assert_int_equal(count_files(learners, "%41nn"), 0);
        assert_int_equal(count_files(learners, "%42ob"), 2); /* record and lock */
        names = store_list(st, &n, &err);
        assert_int_equal(n, 1);
        assert_string_equal(names[0], "Bob");
        store_names_free(names, n);
        /* Forgotten means a new learner of that name starts empty. */
        h = store_open_learner(st, "Ann", &err, &notice);
        assert_non_null(h);
        assert_int_equal(store_record(h)->nmodules, 0);
        store_close_learner(&h);
        store_close(&st);
        free(learners);
        free(dir);
}

static void test_list(void **state)
{
        static const char *const names[] = {
            "zed", "Ann",     "../x", "/etc/x", ".",
            "..",  ".hidden", "Zoë",  "😀",      "Ådèle ÀÉÎÕÜÀÉÎÕÜÀÉÎÕÜÀÉÎÕÜÀÉÎÕÜÀÉÎÕÜ (hashed)",
        };
        size_t n = sizeof(names) / sizeof(names[0]), got_n;
        char *dir = data_dir(), *learners = xasprintf("%s/learners", dir);
        const char *err = NULL;
        char *notice = NULL, **got;
        struct store *st = store_open(dir, &err);

        (void)state;
        got = store_list(st, &got_n, &err);
        assert_non_null(got);
        assert_int_equal(got_n, 0);
        store_names_free(got, got_n);
        for (size_t i = 0; i < n; i++) {
                struct store_handle *h = store_open_learner(st, names[i], &err, &notice);

                assert_non_null(h);
                assert_true(store_save(h, &err));
                store_close_learner(&h);
        }
        /* Every file stays inside learners/, one per name. */
        assert_int_equal(count_files(learners, ".yaml"), n);
        assert_int_equal(count_files(learners, "+"), 2); /* the long name: record and lock */
        assert_int_equal(access("/etc/x.yaml", F_OK), -1);
        {
                char *p = xasprintf("%s/x.yaml", dir);

                assert_int_equal(access(p, F_OK), -1);
                free(p);
        }
        {
                char *p = xasprintf("%s/stray.txt", learners);

                write_text(p, "not a record");
                free(p);
                p = xasprintf("%s/Ann.yaml", learners); /* not a key we make */
                write_text(p, "dlfl-record: 1\nname: Ann\n");
                free(p);
        }
        got = store_list(st, &got_n, &err);
        assert_int_equal(got_n, n);
        for (size_t i = 0; i < n; i++) {
                bool found = false;

                for (size_t j = 0; j < got_n; j++)
                        found |= strcmp(got[j], names[i]) == 0;
                if (!found)
                        fail_msg("%s not listed", names[i]);
        }
        for (size_t j = 1; j < got_n; j++)
                assert_true(strcasecmp(got[j - 1], got[j]) <= 0);
        store_names_free(got, got_n);
        store_close(&st);
        free(learners);
        free(dir);
}

/* Issue 12: look-alike names. Invisible, format, private-use and
 * unassigned code points are refused with a message; NFC and NFD, and any
 * letter case, are one learner (one file, one row in the picker). */
static void test_look_alike_names(void **state)
{
        static const char *const refused[] = {
            "Alice\xe2\x80\x8b",                     /* U+200B zero width space */
            "Alice\xe2\x81\xa0",                     /* U+2060 word joiner */
            "Al\xc2\xadice",                         /* U+00AD soft hyphen */
            "Alice\xcd\x8f",                         /* U+034F combining grapheme joiner */
            "Alice\xef\xb8\x8f",                     /* U+FE0F variation selector */
            "Alice\xee\x80\x80",                     /* U+E000 private use */
            "Alice\xf0\xb0\x80\x80\xf3\xa0\x80\x81", /* U+E0001 language tag */
            "Alice\xcd\xb8",                         /* U+0378 unassigned */
        };
        char *dir = data_dir();
        const char *err = NULL;
        char *notice = NULL, **names;
        size_t n;
        struct store *st = store_open(dir, &err);
        struct store_handle *h;

        (void)state;
        for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
                if (store_name_problem(refused[i]) == NULL)
                        fail_msg("name %zu was accepted", i);
        assert_null(store_name_problem("Zo\xc3\xab"));
        assert_null(store_name_problem("Zoe\xcc\x88"));
        assert_true(store_same_name("Zo\xc3\xab", "ZOE\xcc\x88"));
        assert_true(store_same_name("Ann", " ann "));
        assert_false(store_same_name("Ann", "Anne"));
        h = store_open_learner(st, "Zoe\xcc\x88", &err, &notice); /* NFD first */
        assert_non_null(h);
        assert_true(store_save(h, &err));
        store_close_learner(&h);
        h = store_open_learner(st, "ZO\xc3\x8b", &err, &notice); /* NFC, capitals */
        assert_non_null(h);
        assert_string_equal(store_handle_name(h), "Zoe\xcc\x88");
        assert_true(store_save(h, &err));
        store_close_learner(&h);
        names = store_list(st, &n, &err);
        assert_int_equal(n, 1);
        assert_string_equal(names[0], "Zoe\xcc\x88");
        store_names_free(names, n);
        store_close(&st);
        free(dir);
}

static void test_hostile_names_files(void **state)
{
        static const char *const hostile[] = {"../x", "/etc/x", ".", "..", ".bashrc", "Zoë", "ZOË"};
        /* "Zoë" and "ZOË" are one learner (issue 12): six files. */
        char *dir = data_dir(), *learners = xasprintf("%s/learners", dir);
        const char *err = NULL;
        char *notice = NULL, sixty_five[66];
        struct store *st = store_open(dir, &err);

        (void)state;
        for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
                struct store_handle *h = store_open_learner(st, hostile[i], &err, &notice);

                assert_non_null(h);
                assert_true(store_save(h, &err));
                store_close_learner(&h);
        }
        assert_int_equal(count_files(learners, ".yaml"), 6);
        assert_int_equal(count_files(dir, ".yaml"), 0);
        memset(sixty_five, 'a', 65);
        sixty_five[65] = '\0';
        assert_null(store_open_learner(st, sixty_five, &err, &notice));
        assert_non_null(strstr(err, "64"));
        assert_null(store_open_learner(st, "a\tb", &err, &notice));
        assert_null(store_open_learner(st, "a\x1b[2Jb", &err, &notice));
        assert_null(store_open_learner(st, "", &err, &notice));
        store_close(&st);
        free(learners);
        free(dir);
}

static void test_data_dir(void **state)
{
        const char *err = NULL;
        struct store *st;
        char *want;

        (void)state;
        setenv("DLFL_DATA_DIR", "/env/dir", 1);
        setenv("XDG_DATA_HOME", "/xdg", 1);
        setenv("HOME", "/home/ann", 1);
        st = store_open("/given/", &err);
        assert_string_equal(store_dir(st), "/given");
        store_close(&st);
        st = store_open(NULL, &err);
        assert_string_equal(store_dir(st), "/env/dir");
        store_close(&st);
        setenv("DLFL_DATA_DIR", "", 1);
        st = store_open(NULL, &err);
        assert_string_equal(store_dir(st), "/xdg/dlfl");
        store_close(&st);
        unsetenv("DLFL_DATA_DIR");
        setenv("XDG_DATA_HOME", "relative", 1);
        st = store_open(NULL, &err);
        assert_string_equal(store_dir(st), "/home/ann/.local/share/dlfl");
        store_close(&st);
        unsetenv("XDG_DATA_HOME");
        st = store_open(NULL, &err);
        assert_string_equal(store_dir(st), "/home/ann/.local/share/dlfl");
        store_close(&st);
        /* Nothing is created until a learner's record is opened (a guest
         * never makes a file). */
        want = xasprintf("%s/home", tmpdir);
        setenv("HOME", want, 1);
        st = store_open(NULL, &err);
        {
                size_t n;
                char **names = store_list(st, &n, &err);

                assert_int_equal(n, 0);
                store_names_free(names, n);
        }
        assert_int_equal(access(want, F_OK), -1);
        {
                char *notice = NULL;
                struct store_handle *h = store_open_learner(st, "Ann", &err, &notice);
                struct stat sb;
                char *p = xasprintf("%s/.local/share/dlfl/learners", want);

                assert_non_null(h);
                assert_int_equal(stat(p, &sb), 0);
                assert_int_equal(sb.st_mode & 07777, 0700);
                free(p);
                store_close_learner(&h);
        }
        store_close(&st);
        free(want);
}

static void test_unusable_dir(void **state)
{
        char *file = xasprintf("%s/plainfile", tmpdir);
        const char *err = NULL;
        char *notice = NULL;
        struct store *st;

        (void)state;
        write_text(file, "x");
        st = store_open(file, &err);
        assert_null(store_open_learner(st, "Ann", &err, &notice));
        assert_non_null(strstr(err, "cannot be used"));
        /* The player asks first, and is told which directory and why. */
        err = NULL;
        assert_false(store_check_dir(st, &err));
        assert_non_null(err);
        assert_non_null(strstr(err, "plainfile/learners cannot be read"));
        store_close(&st);
        free(file);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup_teardown(test_store_round_trip, setup, teardown),
            cmocka_unit_test_setup_teardown(test_unknown_ids_kept, setup, teardown),
            cmocka_unit_test_setup_teardown(test_corrupt_moved_aside, setup, teardown),
            cmocka_unit_test_setup_teardown(test_permissions, setup, teardown),
            cmocka_unit_test_setup_teardown(test_widened_dir_tightened, setup, teardown),
            cmocka_unit_test_setup_teardown(test_lock_in_process, setup, teardown),
            cmocka_unit_test_setup_teardown(test_unsafe_dirs_refused, setup, teardown),
            cmocka_unit_test_setup_teardown(test_fifo_record_does_not_block, setup, teardown),
            cmocka_unit_test_setup_teardown(test_forget, setup, teardown),
            cmocka_unit_test_setup_teardown(test_list, setup, teardown),
            cmocka_unit_test_setup_teardown(test_hostile_names_files, setup, teardown),
            cmocka_unit_test_setup_teardown(test_look_alike_names, setup, teardown),
            cmocka_unit_test_setup_teardown(test_data_dir, setup, teardown),
            cmocka_unit_test_setup_teardown(test_unusable_dir, setup, teardown),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
