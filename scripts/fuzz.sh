#!/bin/sh
# Builds the fuzz targets with clang's libFuzzer and ASan/UBSan and runs
# each for $1 seconds (default 600): fuzz_loader (modules; no crash, hang
# or leak) from the lint and fixture modules, and fuzz_record (learners'
# records; also the round trip: emitting after parsing is a fixed point)
# from the record fixtures. $2, if given, names the one target to run.
# Crashes are written to build-fuzz/; keep each as a regression test.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
only=${2:-}
out=build-fuzz
mkdir -p "$out/corpus" "$out/corpus-record"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -Iinclude -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700"
libs="$(pkg-config --libs yaml-0.1 md4c libsodium libutf8proc)"
cflags="$(pkg-config --cflags yaml-0.1 md4c libsodium libutf8proc)"
if [ -z "$only" ] || [ "$only" = loader ]; then
	srcs="src/yaml_tree.c src/loader.c src/loader_fields.c src/loader_case.c src/diag.c src/arena.c src/xalloc.c src/model.c src/kinds*.c src/answer.c src/json.c src/text*.c src/markdown*.c src/utf8*.c"
	# shellcheck disable=SC2086
	clang $flags $cflags -o "$out/fuzz_loader" tests/fuzz/fuzz_loader.c \
		$(ls $srcs 2>/dev/null) $libs
	cp tests/lint/*.yaml tests/fixtures/good/*.yaml "$out/corpus/" 2>/dev/null || true
	cp modules/*.yaml "$out/corpus/" 2>/dev/null || true
	"$out/fuzz_loader" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
		-artifact_prefix="$out/" "$out/corpus"
fi
if [ -z "$only" ] || [ "$only" = record ]; then
	# shellcheck disable=SC2086
	clang $flags $cflags -o "$out/fuzz_record" tests/fuzz/fuzz_record.c \
		src/store_yaml.c src/yaml_tree.c src/diag.c src/arena.c src/record.c src/text.c \
		src/xalloc.c $libs
	cp tests/fuzz/records/* "$out/corpus-record/" 2>/dev/null || true
	"$out/fuzz_record" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
		-artifact_prefix="$out/record-" "$out/corpus-record"
fi
