#!/bin/sh
# dlfl export --format certificate: an A4 PDF (cairo and pango, in the
# dlfl-certificate helper), one page per passed module, the name set in a
# font that has its letters whatever the script (Latin, Greek, Cyrillic,
# CJK), checked with poppler's pdfinfo, pdffonts and pdftotext.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/export_fixture.inc
if ! command -v pdftotext >/dev/null 2>&1; then
	ok "certificate PDF # SKIP poppler-utils is not installed"
	exit 0
fi

cert() { # NAME OUT: the certificate of NAME into OUT
	"$DLFL" export "$1" --format certificate -o "$2" 2>"$tmp/err"
}
if cert "$ANN" "$tmp/ann.pdf"; then ok "certificate exits 0"; else not_ok "certificate exits 0"; cat "$tmp/err"; fi
check "it is a PDF" sh -c 'head -c 5 "$1" | grep -q "^%PDF-"' sh "$tmp/ann.pdf"
pdfinfo "$tmp/ann.pdf" >"$tmp/info" 2>&1
check "A4 pages" grep -q "^Page size: *595.276 x 841.89 pts (A4)" "$tmp/info"
check "one page: one module passed" grep -q "^Pages: *1$" "$tmp/info"
pdftotext -enc UTF-8 "$tmp/ann.pdf" "$tmp/ann.txt"
tr '\n' ' ' <"$tmp/ann.txt" | tr -s ' ' >"$tmp/ann.flat"
has() { grep -qF -- "$2" "$tmp/ann.flat" && ok "certificate: $1" || not_ok "certificate: $1"; }
has "the learner's name" "O'Neil, Ann \"Annie\""
has "the module title" 'Data, "care" & you'
has "the date" "on 2025-11-29"
has "the score" "with a score of 81.0% (pass mark 70%)"
has "says it records completion" "Certificate of completion"
has "says it is not a qualification" "It is not a qualification"
if grep -qF "Second module" "$tmp/ann.txt"; then not_ok "certificate: only passed modules"; else
	ok "certificate: only passed modules"; fi
pdffonts "$tmp/ann.pdf" >"$tmp/fonts" 2>&1
check "every font is embedded" sh -c 'tail -n +3 "$1" | grep -q . && ! tail -n +3 "$1" | awk "\$(NF-4) != \"yes\"" | grep -q .' sh "$tmp/fonts"

# Two passed modules, two pages; a module no longer installed still counts.
cat >>"$tmp/data/learners/$(key "$ANN").yaml" <<'YAML'
  - id: e2e-older
    title: An older module
    attempts:
      - started: 2025-10-01T08:00:00Z
        completed: 2025-10-01T09:00:00Z
        updated: 2025-10-01T09:00:00Z
        pass-mark: 70
        complete: true
        passed: true
        earned: 3
        possible: 4
        seconds: 600
YAML
cert "$ANN" "$tmp/two.pdf"
check "one page per passed module" sh -c 'pdfinfo "$1" | grep -q "^Pages: *2$"' sh "$tmp/two.pdf"
pdftotext -enc UTF-8 -f 2 -l 2 "$tmp/two.pdf" "$tmp/p2.txt"
check "the second page is the second module's" grep -q "An older module" "$tmp/p2.txt"

# Names in four scripts: each is set whole (pdftotext gives it back letter
# for letter) in fonts that have its letters.
n=0
for name in "Zoë Ångström-Nuñez" "Αλέξανδρος Παπαδόπουλος" "Анна Петровна Ёлкина" "李小龍" "山田 花子" "김민준"; do
	n=$((n + 1))
	k=$(key "$name")
	sed "s/^name: .*/name: \"$name\"/" "$tmp/data/learners/$(key "$ANN").yaml" >"$tmp/data/learners/$k.yaml"
	chmod 600 "$tmp/data/learners/$k.yaml"
	if cert "$name" "$tmp/n$n.pdf"; then
		pdftotext -enc UTF-8 -f 1 -l 1 "$tmp/n$n.pdf" - | tr '\n' ' ' >"$tmp/n$n.txt"
		if grep -qF -- "$name" "$tmp/n$n.txt"; then ok "the name $name is set whole"; else
			not_ok "the name $name is set whole"; cat "$tmp/n$n.txt"; fi
	else
		not_ok "certificate for $name"; cat "$tmp/err"
	fi
done
pdffonts "$tmp/n4.pdf" >"$tmp/fonts4" 2>&1
check "a CJK name is set in a CJK font" grep -qi "cjk" "$tmp/fonts4"
pdffonts "$tmp/n2.pdf" >"$tmp/fonts2" 2>&1
check "a Greek name is set in DejaVu" grep -q "DejaVuSerif-Bold" "$tmp/fonts2"

# Where no font has a letter, the certificate is refused, not printed with a gap.
k=$(key "Ann 𐀀𐀁")
sed "s/^name: .*/name: \"Ann 𐀀𐀁\"/" "$tmp/data/learners/$(key "$ANN").yaml" >"$tmp/data/learners/$k.yaml"
if fc-list ':charset=10000' 2>/dev/null | grep -q .; then
	ok "a letter no font has is refused # SKIP a font for U+10000 is installed"
else
	"$DLFL" export "Ann 𐀀𐀁" --format certificate -o "$tmp/lb.pdf" 2>"$tmp/err"
	rc=$?
	check "a letter no installed font has is refused, not dropped" sh -c '[ "$1" -eq 1 ] && [ ! -e "$2" ] && grep -q "no installed font has every letter" "$3"' sh "$rc" "$tmp/lb.pdf" "$tmp/err"
fi

# The PDF library stays out of dlfl itself.
if command -v ldd >/dev/null 2>&1; then
	check "dlfl links neither cairo, pango nor libcurl" sh -c '! ldd "$1" | grep -Eq "cairo|pango|curl"' sh "$DLFL"
fi
exit "$((failures > 0))"
