package neo4jdb

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
)

// nameMatch is an item whose name matched what a user typed, with the rank of its match
// class in graph.MatchClasses.
type nameMatch struct {
	ID, Kind string
	Rank     int64
}

// matchNames finds the items of the given kinds whose names match text, best first; it is
// the one matching behind search and who-decides (queries/match_names.cypher). Within, when
// not nil, limits the candidates to those ids.
func matchNames(ctx context.Context, tx neo4j.ManagedTransaction, text string, kinds []string, within []string) ([]nameMatch, error) {
	if len(graph.SearchWords(text)) == 0 || within != nil && len(within) == 0 {
		return nil, nil
	}
	params := matchNamesParams(text, kinds)
	if within != nil {
		set := make(map[string]any, len(within))
		for _, id := range within {
			set[id] = true
		}
		params["within"] = set
	}
	return collect(ctx, tx, "match_names.cypher", params, func(rec *neo4j.Record) (nameMatch, error) {
		var m nameMatch
		var err error
		if m.ID, err = get[string](rec, "id"); err != nil {
			return m, err
		}
		if m.Kind, err = get[string](rec, "kind"); err != nil {
			return m, err
		}
		m.Rank, err = get[int64](rec, "rank")
		return m, err
	})
}

func matchNamesParams(text string, kinds []string) map[string]any {
	words := graph.SearchWords(text)
	return map[string]any{"words": wordParams(words), "longest": longestWord(words), "phrase": graph.SearchText(text),
		"stemmed": luceneQuery(words, false), "fuzzy": luceneQuery(words, true), "labels": kinds, "within": nil}
}

func wordParams(words []graph.SearchWord) []any {
	out := make([]any, len(words))
	for i, w := range words {
		out[i] = map[string]any{"text": w.Text, "folded": w.Folded, "stem": w.Stem, "folded_stem": w.FoldedStem}
	}
	return out
}

// longestWord is the folded stem of the longest word: the most selective string to seek in
// the TEXT index (a stem begins its word, so every name that contains the word contains it).
func longestWord(words []graph.SearchWord) string {
	best := ""
	for _, w := range words {
		if utf8.RuneCountInString(w.FoldedStem) > utf8.RuneCountInString(best) {
			best = w.FoldedStem
		}
	}
	return best
}

// fuzzyMinLetters is the length from which a word may have one typo.
const fuzzyMinLetters = 5

// luceneQuery is a full-text query that every word must match. Stemmed (for names_sv), each
// word is quoted so that the Swedish analyzer stems it. Fuzzy (for names_folded, whose
// terms are the folded words of search_folded), words of fuzzyMinLetters letters or more get
// ~1 and the others must be whole words. Words come from graph.SearchWords, letters and
// digits only, so none is a Lucene operator. A fuzzy query with no long word is "": there
// is no typo to allow for.
func luceneQuery(words []graph.SearchWord, fuzzy bool) string {
	terms := make([]string, len(words))
	anyFuzzy := false
	for i, w := range words {
		switch {
		case !fuzzy:
			terms[i] = `"` + w.Text + `"`
		case utf8.RuneCountInString(w.Folded) >= fuzzyMinLetters:
			terms[i], anyFuzzy = w.Folded+"~1", true
		default:
			terms[i] = w.Folded
		}
	}
	if fuzzy && !anyFuzzy {
		return ""
	}
	return strings.Join(terms, " AND ")
}

// matchParams turns matches into the $matches parameter of search.cypher and who_decides.cypher.
func matchParams(ms []nameMatch) []any {
	out := make([]any, len(ms))
	for i, m := range ms {
		out[i] = map[string]any{"id": m.ID, "rank": m.Rank}
	}
	return out
}

// matchClass names a rank.
func matchClass(rank int64) string {
	if rank < 0 || int(rank) >= len(graph.MatchClasses) {
		return ""
	}
	return graph.MatchClasses[rank]
}
