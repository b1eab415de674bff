#!/bin/sh
# Builds the loader with clang's libFuzzer and ASan/UBSan and fuzzes it for
# $1 seconds (default 600), starting from the lint and fixture modules.
# Crashes are written to build-fuzz/; keep each as a tests/lint regression.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
out=build-fuzz
mkdir -p "$out/corpus"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -Iinclude -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700"
srcs="src/yaml_tree.c src/loader.c src/loader_fields.c src/loader_case.c src/diag.c src/arena.c src/xalloc.c src/model.c src/text*.c src/markdown*.c src/utf8*.c"
# shellcheck disable=SC2086
clang $flags $(pkg-config --cflags yaml-0.1 md4c libsodium) -o "$out/fuzz_loader" \
	tests/fuzz/fuzz_loader.c $(ls $srcs 2>/dev/null) \
	$(pkg-config --libs yaml-0.1 md4c libsodium)
cp tests/lint/*.yaml tests/fixtures/good/*.yaml "$out/corpus/" 2>/dev/null || true
cp modules/*.yaml "$out/corpus/" 2>/dev/null || true
"$out/fuzz_loader" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
	-artifact_prefix="$out/" "$out/corpus"
