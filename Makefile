# dlfl: GNU make. `make` builds ./dlfl; `make run` starts it on modules/;
# `make check` runs every test and ends with "N passed, N failed".
# Build dependencies come from pkg-config; `make run` and `make check`
# install missing Debian packages first (scripts/deps.sh).

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
DESTDIR ?=
VERSION := 0.1.0

PKGS := ncursesw yaml-0.1 md4c libsodium libutf8proc
TEST_PKGS := cmocka

SANITIZE ?=
ifeq ($(SANITIZE),1)
BUILD ?= build-asan
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT ?= -O1 -g
else
BUILD ?= build
SANFLAGS :=
OPT ?= -O2 -g
endif

CC ?= cc
# Short lines ("CC src/x.c") unless V=1; sub-makes run in parallel.
V ?= 0
ifeq ($(V),1)
say :=
else
say = @printf '  %-6s %s\n' $(1) $(2);
endif
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
WARN := -Wall -Wextra -Wformat=2 -Wshadow -Wwrite-strings -Wmissing-prototypes -Werror
CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -DDLFL_VERSION='"$(VERSION)"' \
	-DDLFL_DATADIR='"$(DATADIR)"' -DDLFL_LIBEXECDIR='"$(LIBEXECDIR)"'
CFLAGS ?= $(OPT)
CFLAGS += -std=c11 $(WARN) $(SANFLAGS) -MMD -MP
LDFLAGS += $(SANFLAGS)

pkg_cflags = $(shell pkg-config --cflags $(1) 2>/dev/null)
pkg_libs = $(shell pkg-config --libs $(1) 2>/dev/null)
# ncursesw's flags would redefine the feature macros; only the UI needs the rest.
CPPFLAGS += $(call pkg_cflags,yaml-0.1 md4c libsodium libutf8proc libcurl)
UI_CPPFLAGS := $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(call pkg_cflags,ncursesw)) \
	-DNCURSES_WIDECHAR=1
# libsodium is opened on first use (src/sodium_lazy.c), not linked: the
# player reaches its menu without it. Its soname is the one built against.
SODIUM_SONAME := $(shell objdump -p "$$(pkg-config --variable=libdir libsodium 2>/dev/null)/libsodium.so" \
	2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
CPPFLAGS += $(if $(SODIUM_SONAME),-DDLFL_SODIUM_SONAME='"$(SODIUM_SONAME)"')
LIBS_ENGINE := $(call pkg_libs,yaml-0.1 md4c libutf8proc) -lm
LIBS_UI := $(call pkg_libs,ncursesw)
LIBS_TEST := $(call pkg_libs,cmocka)

ALL_SRC := $(sort $(wildcard src/*.c))
UI_SRC := $(filter src/tui%.c,$(ALL_SRC))
# The two front ends are linked into the program only, never into the
# engine library the unit tests and tools link.
FRONT_SRC := $(UI_SRC) $(filter src/plain%.c,$(ALL_SRC))
MAIN_SRC := src/main.c
ENGINE_SRC := $(filter-out $(FRONT_SRC) $(MAIN_SRC),$(ALL_SRC))
ENGINE_OBJ := $(ENGINE_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/builtin_modules.o
FRONT_OBJ := $(FRONT_SRC:src/%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/main.o
ENGINE_LIB := $(BUILD)/libdlfl.a
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Helper programs the end-to-end scripts drive (built with the unit tests).
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
MODULES := $(sort $(wildcard modules/*.yaml))

ifeq ($(SANITIZE),1)
PROG := $(BUILD)/dlfl
else
PROG := dlfl
endif
# The certificate's PDF is made by a helper program, so cairo and pango are
# never loaded by the player; dlfl looks for it beside itself first.
HELPER := $(dir $(PROG))dlfl-certificate
HELPER_PKGS := pangocairo cairo-pdf
LIBEXECDIR ?= $(PREFIX)/libexec
# Without cairo and pango dlfl is still built, and `make` says the helper
# was skipped (export --format certificate then says it cannot find it).
HAVE_HELPER := $(shell pkg-config --exists $(HELPER_PKGS) 2>/dev/null && echo yes)
ifeq ($(HAVE_HELPER),yes)
BUILT_HELPER := $(HELPER)
else
BUILT_HELPER :=
endif
HELPER_SKIPPED := dlfl: dlfl-certificate skipped: cairo and pango (libcairo2-dev, libpango1.0-dev) \
	are not installed, so export --format certificate will not work; make deps installs them

.PHONY: all run check unit asan clean install uninstall deps deps-test fuzz bench format lint-man lint
all: $(PROG) $(BUILT_HELPER)
ifneq ($(HAVE_HELPER),yes)
	@echo "$(HELPER_SKIPPED)" >&2
endif

$(HELPER): helper/certificate.c
	$(CC) $(call pkg_cflags,$(HELPER_PKGS)) -D_POSIX_C_SOURCE=200809L $(CFLAGS) -o $@ $< \
		$(LDFLAGS) $(call pkg_libs,$(HELPER_PKGS))

$(PROG): $(MAIN_OBJ) $(FRONT_OBJ) $(ENGINE_LIB)
	$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(FRONT_OBJ) $(ENGINE_LIB) $(LIBS_UI) $(LIBS_ENGINE) $(LDLIBS)

$(ENGINE_LIB): $(ENGINE_OBJ)
	$(call say,AR,$@)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tui%.o: src/tui%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(CPPFLAGS) $(UI_CPPFLAGS) $(CFLAGS) -c -o $@ $<

# A pattern's stem cannot be empty, so tui.c itself needs its own rule.
$(BUILD)/tui.o: src/tui.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(CPPFLAGS) $(UI_CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The shipped modules are compiled in, as the loader's model and as bytes,
# so the binary copied alone still has its five modules and starts without
# parsing YAML. The build tool links the engine without them.
CORE_LIB := $(BUILD)/libdlfl-core.a
$(CORE_LIB): $(filter-out $(BUILD)/builtin_modules.o,$(ENGINE_OBJ))
	$(call say,AR,$@)rm -f $@ && ar rcs $@ $^

$(BUILD)/embed_model: tools/embed_model.c $(CORE_LIB)
	$(call say,LD,$@)$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(CORE_LIB) $(LIBS_ENGINE) $(LDFLAGS)

$(BUILD)/builtin_modules.c: $(BUILD)/embed_model $(MODULES)
	@mkdir -p $(dir $@)
	$(call say,EMBED,$@)$(BUILD)/embed_model $(MODULES) > $@.tmp && mv $@.tmp $@

$(BUILD)/builtin_modules.o: $(BUILD)/builtin_modules.c
	$(call say,CC,$<)$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings -Wno-missing-field-initializers \
		-c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(ENGINE_LIB)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(CC) $(CPPFLAGS) $(call pkg_cflags,cmocka) $(CFLAGS) -Wno-missing-prototypes \
		-o $@ $< $(ENGINE_LIB) $(LIBS_ENGINE) $(LIBS_TEST) $(LDFLAGS)

$(BUILD)/tools/%: tests/tools/%.c $(ENGINE_LIB)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -o $@ $< $(ENGINE_LIB) $(LIBS_ENGINE) \
		$(LDFLAGS)

deps:
	@sh scripts/deps.sh build

deps-test:
	@sh scripts/deps.sh test $(BUILD)

run: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all
	./dlfl -m modules

unit: $(UNIT_BIN) $(TOOL_BIN)

# Everything: unit tests, golden diagnostics, end-to-end runs, the shipped
# modules, the man pages. The last line is "N passed, N failed".
check: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) all unit
	@DLFL=$(abspath $(PROG)) BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh tests/run.sh

# Static checks: cppcheck over src/ (any finding fails) and, where the
# tool is installed, the places duplicates finds (scripts/lint.sh).
lint:
	@sh scripts/lint.sh

asan:
	@$(MAKE) --no-print-directory check SANITIZE=1

fuzz:
	@sh scripts/fuzz.sh $(FUZZ_SECONDS)

# Benchmarks: dlfl side by side with baselines that do only what the
# libraries themselves do (bench/run.sh prints one table).
BENCH_BIN := $(BUILD)/bench/gen_module $(BUILD)/bench/peak_rss $(BUILD)/bench/yaml_scan \
	$(BUILD)/bench/curses_min

$(BUILD)/bench/gen_module $(BUILD)/bench/peak_rss: $(BUILD)/bench/%: bench/%.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c11 -D_DEFAULT_SOURCE $(WARN) -o $@ $<

$(BUILD)/bench/yaml_scan: bench/yaml_scan.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c11 $(WARN) $(call pkg_cflags,yaml-0.1) -o $@ $< $(call pkg_libs,yaml-0.1)

$(BUILD)/bench/curses_min: bench/curses_min.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c11 $(WARN) $(call pkg_cflags,ncursesw yaml-0.1) -o $@ $< \
		$(LIBS_UI) $(LIBS_ENGINE)

bench: deps-test
	@$(MAKE) --no-print-directory all $(BENCH_BIN)
	@BUILD=$(BUILD) sh bench/run.sh

format:
	clang-format -i src/*.c src/*.h include/dlfl/*.h helper/*.c tests/unit/*.c tests/tools/*.[ch] \
		tools/*.c bench/*.c tests/fuzz/*.c tests/inject/*.c

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/dlfl/modules \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)/doc/dlfl
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/dlfl
ifeq ($(HAVE_HELPER),yes)
	install -d $(DESTDIR)$(LIBEXECDIR)/dlfl
	install -m 755 $(HELPER) $(DESTDIR)$(LIBEXECDIR)/dlfl/dlfl-certificate
endif
	install -m 644 $(MODULES) $(DESTDIR)$(DATADIR)/dlfl/modules/
	install -m 644 man/dlfl.1 $(DESTDIR)$(MANDIR)/man1/dlfl.1
	install -m 644 man/dlfl-module.5 $(DESTDIR)$(MANDIR)/man5/dlfl-module.5
	install -m 644 README.md LICENSE $(DESTDIR)$(DATADIR)/doc/dlfl/

uninstall:
	rm -f $(DESTDIR)$(LIBEXECDIR)/dlfl/dlfl-certificate
	-rmdir $(DESTDIR)$(LIBEXECDIR)/dlfl 2>/dev/null
	rm -f $(DESTDIR)$(BINDIR)/dlfl $(DESTDIR)$(MANDIR)/man1/dlfl.1 \
		$(DESTDIR)$(MANDIR)/man5/dlfl-module.5
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/dlfl/modules/,$(notdir $(MODULES)))
	rm -f $(DESTDIR)$(DATADIR)/doc/dlfl/README.md $(DESTDIR)$(DATADIR)/doc/dlfl/LICENSE
	-rmdir $(DESTDIR)$(DATADIR)/dlfl/modules $(DESTDIR)$(DATADIR)/dlfl \
		$(DESTDIR)$(DATADIR)/doc/dlfl 2>/dev/null

clean:
	rm -rf build build-asan build-fuzz dlfl dlfl-certificate tests/out

-include $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d $(BUILD)/tools/*.d)
