// Match names: the items whose name, title, abbreviation or scope matches what a user typed,
// each with how well it matched (a rank in graph.MatchClasses: 0 exact, 1 word, 2 prefix,
// 3 part of a compound, 4 only without å/ä/ö/é, 5 one typo), best first. Every word typed
// must match. Candidates come from three indexes and are then classified on the stored
// search_text/search_folded (see graph/dataset: lower case, words separated by one space):
// the TEXT index on search_folded for the most selective word (any part of a word,
// diacritics ignored), the full-text index names_sv for inflections ($stemmed: every word,
// stemmed by the Swedish analyzer) and names_folded for typos ($fuzzy: folded words of five
// letters or more with ~1; '' when there are none). A word of fewer than three letters
// matches only as a word or the beginning of one ("it" is not a part of "kommittén"); a
// word's stem (graph.Stem: nämnder → nämnd) may match a part of a word, ranked as a part.
// With $within (a map whose keys are ids, each to true), only those items are candidates: a
// question about one organisation matches among its own items (item_id seeks, and the
// full-text hits filtered by a map look-up, cheaper than a list's IN) rather than the whole
// country's.
// Index: item_search_folded (TEXT, CONTAINS), names_sv, names_folded (full text); no label scan.
// Parameters: $words (list of {text, folded, stem, folded_stem}), $longest (string: the folded
//             stem to seek),
//             $phrase (string: everything typed, as search_text), $stemmed, $fuzzy (Lucene
//             queries, words quoted by the caller), $labels (list of strings: the kinds asked),
//             $within (map of id to true, or null for every item).
// The exact match is with one of the item's names as a whole (search_names: the name and the
// abbreviation apart).
// Columns: id, kind (label), rank (integer), name; best rank first (a part matched only through
//          a stem after one matched as typed), then shorter names, then by name and id.
CALL () {
  // Written so that the country-wide seek runs only when no candidates are given.
  WITH $within AS within
  WHERE within IS NULL
  MATCH (node:Item)
  WHERE node.search_folded CONTAINS $longest
  RETURN node, 'text' AS via
  UNION
  UNWIND keys(coalesce($within, {})) AS id
  MATCH (node:Item {id: id})
  WHERE node.search_folded CONTAINS $longest
  RETURN node, 'text' AS via
  UNION
  CALL db.index.fulltext.queryNodes('names_sv', $stemmed) YIELD node
  WITH node
  WHERE $within IS NULL OR $within[node.id]
  RETURN node, 'stem' AS via
  UNION
  WITH $fuzzy AS fuzzy
  WHERE fuzzy <> ''
  CALL db.index.fulltext.queryNodes('names_folded', fuzzy) YIELD node
  WITH node
  WHERE $within IS NULL OR $within[node.id]
  RETURN node, 'fuzzy' AS via
}
WITH node, collect(via) AS vias
WITH node, vias, [l IN labels(node) WHERE l <> 'Item'][0] AS kind
WHERE kind IN $labels AND node.search_text IS NOT NULL
WITH node, vias, kind, split(node.search_text, ' ') AS words, split(node.search_folded, ' ') AS folded
// How each typed word matches; 9: not as a string (then only the full-text index found it).
WITH node, vias, kind, [w IN $words |
       CASE WHEN w.text IN words THEN 1
            WHEN any(x IN words WHERE x STARTS WITH w.text) THEN 2
            WHEN size(w.text) >= 3 AND node.search_text CONTAINS w.text THEN 3
            // Only through the stem: still a part, after the parts that match as typed.
            WHEN size(w.stem) < size(w.text) AND node.search_text CONTAINS w.stem THEN 3.5
            WHEN w.folded IN folded OR any(x IN folded WHERE x STARTS WITH w.folded) THEN 4
            WHEN size(w.folded) >= 3 AND node.search_folded CONTAINS w.folded THEN 4
            WHEN size(w.folded_stem) < size(w.folded) AND node.search_folded CONTAINS w.folded_stem THEN 4.5
            ELSE 9 END] AS ranks
WITH node, kind,
     CASE WHEN $phrase IN node.search_names THEN 0
          WHEN all(r IN ranks WHERE r < 9) AND NOT ('stem' IN vias AND any(r IN ranks WHERE r > 1))
            THEN reduce(worst = 0, r IN ranks | CASE WHEN r > worst THEN r ELSE worst END)
          // Every word is a word of the name once inflections are stemmed (nämnder → nämnden).
          WHEN 'stem' IN vias THEN 1
          WHEN 'fuzzy' IN vias THEN 5
     END AS rank
WHERE rank IS NOT NULL
WITH node, kind, rank, coalesce(node.name, node.title, node.scope) AS name
ORDER BY rank, size(name), name, node.id
RETURN node.id AS id, kind, toInteger(floor(rank)) AS rank, name
