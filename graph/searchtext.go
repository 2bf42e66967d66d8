package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Matching names as Swedish users type them. Names are stored twice for searching (see
// graph/dataset): as SearchText (lower case, one space between words) and folded
// (FoldDiacritics of that), so that "lakemedel" typed on a keyboard without å/ä/ö finds
// "Läkemedelskommittén", and a part of a compound word is a plain substring.

// Match classes, best first: why a search hit matched.
const (
	MatchExact  = "exact"  // the whole name, as typed
	MatchWord   = "word"   // each word is a word of the name (or an inflection of one)
	MatchPrefix = "prefix" // each word begins a word of the name
	MatchPart   = "part"   // a word is inside a word of the name: a part of a compound
	MatchFolded = "folded" // as above, but only when å/ä/ö/é… are ignored
	MatchFuzzy  = "fuzzy"  // with one typo in a word of five letters or more
)

// MatchClasses lists the match classes best first; a class's rank is its index.
var MatchClasses = []string{MatchExact, MatchWord, MatchPrefix, MatchPart, MatchFolded, MatchFuzzy}

// SearchText is s as names are compared: lower case, every run of characters other than
// letters and digits one space, no space at the ends.
func SearchText(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// FoldDiacritics removes diacritics: å, ä → a, ö → o, é → e, ü → u.
func FoldDiacritics(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SearchWord is one word of what a user typed, as compared with names: as typed (lower
// case), without diacritics, and its stem, the word without a Swedish inflectional ending,
// so that "nämnder" finds the "nämnd" in "Krisledningsnämnden".
type SearchWord struct {
	Text, Folded, Stem, FoldedStem string
}

// Bounds of what one search may ask. Neo4j's full-text index refuses a query of more than
// 1024 clauses, and a word with a typo allowed counts once for every indexed term within one
// edit (up to 50); and every candidate name is compared with every word. No name has more
// words or letters than these; a longer text is pasted prose, not a name.
const (
	MaxSearchWords  = 16
	MaxSearchLength = 200 // characters
)

// checkSearchText says, naming param, what is wrong with text as a search: nothing to
// search for, or more than the bounds above.
func checkSearchText(param, text string) error {
	switch n := len(SearchWords(text)); {
	case n == 0:
		return nil // each query says what it needs
	case n > MaxSearchWords:
		return Errorf(EINVALID, "%s: at most %d words, got %d", param, MaxSearchWords, n)
	}
	if n := utf8.RuneCountInString(text); n > MaxSearchLength {
		return Errorf(EINVALID, "%s: at most %d characters, got %d", param, MaxSearchLength, n)
	}
	return nil
}

// SearchWords splits what a user typed into words (Lucene's operators and punctuation are
// just separators here).
func SearchWords(q string) []SearchWord {
	var out []SearchWord
	for _, w := range strings.Fields(SearchText(q)) {
		stem := Stem(w)
		out = append(out, SearchWord{Text: w, Folded: FoldDiacritics(w), Stem: stem, FoldedStem: FoldDiacritics(stem)})
	}
	return out
}

// swedishEndings are inflectional endings of Swedish nouns and adjectives, longest first.
var swedishEndings = []string{"arnas", "ernas", "ornas", "arna", "erna", "orna", "heten", "ande", "ende",
	"ens", "ets", "ar", "er", "or", "en", "én", "et", "na", "s", "n"}

// minStem is the fewest letters a stem keeps: shorter ones would match almost anything.
const minStem = 4

// Stem removes one inflectional ending from a lower-case word, keeping at least minStem
// letters: nämnder → nämnd, kommittén → kommitt, stabs → stab. It is deliberately light:
// it only widens what a part of a compound word may match.
func Stem(w string) string {
	for _, e := range swedishEndings {
		if rest, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(rest) >= minStem {
			return rest
		}
	}
	return w
}
