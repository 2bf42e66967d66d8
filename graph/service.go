package graph

import (
	"context"
	"slices"
	"strings"
	"time"
)

// The services below are the contract every caller of styrgraf uses: the HTTP API, the
// command line, the governance gauges and the web interface. graph/neo4jdb implements them
// on Neo4j; tests may implement them in memory. Each method validates its query first (the
// Validate methods below), so every interface shows the same message for the same mistake;
// messages name the parameter as the HTTP API and the command line spell it.

// Questions answers the questions styrgraf exists for.
type Questions interface {
	WhoDecides(ctx context.Context, q WhoDecidesQuery) (WhoDecidesAnswer, error)
	Escalation(ctx context.Context, q EscalationQuery) (EscalationAnswer, error)
	MissingFollowUps(ctx context.Context, q FollowUpQuery) (FollowUpReport, error)
	Calendar(ctx context.Context, q CalendarQuery) (Calendar, error)
	OversightCoverage(ctx context.Context, q OrganisationQuery) (List[OversightRow], error)
	StaffFunctions(ctx context.Context, q OrganisationQuery) (List[StaffFunctionRow], error)
	Seats(ctx context.Context, q SeatsQuery) (SeatsReport, error)
	Changes(ctx context.Context, q ChangesQuery) (List[Change], error)
}

// Directory looks things up: search, organisations, organs, people and the trees diagrams
// draw.
type Directory interface {
	Search(ctx context.Context, q SearchQuery) (List[SearchHit], error)
	Organisations(ctx context.Context, at Date) ([]Ref, error)
	OrganDetail(ctx context.Context, id string, at Date) (OrganDetail, error)
	OrganSubtree(ctx context.Context, q SubtreeQuery) (Subtree, error)
	OrganisationGraph(ctx context.Context, q OrganisationGraphQuery) (Subtree, error)
	Person(ctx context.Context, id string, at Date) (PersonDetail, error)
}

// DatasetStore replaces whole datasets in the graph: the storage side of an import. The
// datasets must have been checked together (graph/dataset does that); the store writes them
// in one transaction, all or nothing, together with their entry in the audit trail
// (opts.By says who writes; see audit.go).
type DatasetStore interface {
	ImportDatasets(ctx context.Context, datasets []Dataset, opts ImportOptions) (ImportResult, error)
}

// Importer imports dataset files: it parses them, checks them together, and applies them
// whole or not at all. A file with problems gives an EINVALID error whose chain holds
// Problems, every one with file, line, column and field.
type Importer interface {
	Import(ctx context.Context, files []DatasetFile, opts ImportOptions) (ImportResult, error)
}

// DatasetFile is a dataset file as read from disk or uploaded: a name for messages and the
// YAML content.
type DatasetFile struct {
	Name    string
	Content []byte
}

// Readiness reports whether the store can answer (reachable, schema online).
type Readiness interface {
	Ready(ctx context.Context) error
}

// Service is what styrgraf's store answers: the questions, the look-ups and its readiness.
// Imports go through an Importer, which checks files before the store sees them.
type Service interface {
	Questions
	Directory
	Readiness
}

// Today is the default as-of date: the current day in UTC.
func Today() Date {
	now := time.Now().UTC()
	return Date{time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)}
}

// Pagination of list answers. MaxOffset keeps offset + limit a valid index of a Cypher list
// slice (rows[$offset..$offset + $limit] takes 32-bit integers); no list comes near it.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
	MaxOffset    = 1 << 30
)

// Page asks for one slice of a sorted list: Limit items (DefaultLimit if 0) from Offset.
type Page struct {
	Offset int
	Limit  int
}

// Validate checks the bounds and fills in the default limit.
func (p *Page) Validate() error {
	if p.Limit == 0 {
		p.Limit = DefaultLimit
	}
	if p.Limit < 1 || p.Limit > MaxLimit {
		return LimitError(p.Limit)
	}
	if p.Offset < 0 || p.Offset > MaxOffset {
		return Errorf(EINVALID, "cursor: not a cursor this API gave out")
	}
	return nil
}

// LimitError is the error of a page size out of bounds. An interface that takes the size as
// typed (the HTTP API) also uses it for an explicit 0, which in Go means the default.
func LimitError(got int) error {
	return Errorf(EINVALID, "limit: want a whole number from 1 to %d, got %d", MaxLimit, got)
}

// List is one page of a sorted answer and the size of the whole answer.
type List[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

// More reports whether items follow this page.
func (l List[T]) More(p Page) bool { return p.Offset+len(l.Items) < l.Total }

// PageOf cuts one page out of a whole answer, for answers that are assembled whole anyway
// (escalation chains, built from one subgraph).
func PageOf[T any](all []T, p Page) List[T] {
	l := List[T]{Items: []T{}, Total: len(all)}
	if p.Offset < len(all) {
		l.Items = all[p.Offset:min(p.Offset+p.Limit, len(all))]
	}
	return l
}

// All fetches every page of a list answer, for callers that want the whole list (the
// command line, the gauges).
func All[T any](fetch func(Page) (List[T], error)) ([]T, error) {
	out := []T{}
	p := Page{Limit: MaxLimit}
	for {
		l, err := fetch(p)
		if err != nil {
			return out, err
		}
		out = append(out, l.Items...)
		if !l.More(p) || len(l.Items) == 0 {
			return out, nil
		}
		p.Offset += len(l.Items)
	}
}

// SearchKinds are the kinds of item a search finds (all of them when a query names none).
var SearchKinds = []string{"Organ", "Post", "Person", "Topic", "Organisation"}

// SearchQuery finds things by name, optionally only of some kinds (SearchKinds) and of one
// organisation.
type SearchQuery struct {
	Text         string
	Kinds        []string
	Organisation string
	Page
}

// Validate checks the query, spelling kinds as SearchKinds do ("organ" is Organ) and filling
// in all kinds when none is named.
func (q *SearchQuery) Validate() error {
	if len(SearchWords(q.Text)) == 0 {
		return Errorf(EINVALID, "q: say what to search for")
	}
	if err := checkSearchText("q", q.Text); err != nil {
		return err
	}
	kinds, err := searchKinds(q.Kinds)
	if err != nil {
		return err
	}
	q.Kinds = kinds
	return q.Page.Validate()
}

func searchKinds(asked []string) ([]string, error) {
	if len(asked) == 0 {
		return SearchKinds, nil
	}
	var out []string
	for _, k := range asked {
		i := slices.IndexFunc(SearchKinds, func(s string) bool { return strings.EqualFold(s, strings.TrimSpace(k)) })
		if i < 0 {
			return nil, Errorf(EINVALID, "kind: want one of %s, got %q", strings.Join(SearchKinds, ", "), k)
		}
		out = append(out, SearchKinds[i])
	}
	return out, nil
}

// WhoDecidesQuery asks who holds a mandate about a topic (a topic id or free words), as of
// At, optionally within one organisation; MinBasis, if set, admits only mandates of at least
// that basis.
type WhoDecidesQuery struct {
	Topic        string
	Organisation string
	At           Date
	MinBasis     string
	Page
}

// Validate checks the query.
func (q *WhoDecidesQuery) Validate() error {
	if q.Topic = strings.TrimSpace(q.Topic); len(SearchWords(q.Topic)) == 0 {
		return Errorf(EINVALID, "topic: say what the decision is about (a topic or some words)")
	}
	if err := checkSearchText("topic", q.Topic); err != nil {
		return err
	}
	if err := validBasis(q.MinBasis); err != nil {
		return err
	}
	return validAt(q.At, &q.Page)
}

// MaxChains bounds an escalation answer where many parents multiply the paths.
const MaxChains = 200

// EscalationQuery asks for the chains upward from an organ or post. MinBasis, if set,
// follows only links of at least that basis, so that a chain ends where the documents stop.
type EscalationQuery struct {
	ID       string
	At       Date
	MinBasis string
	Page
}

// Validate checks the query.
func (q *EscalationQuery) Validate() error {
	if q.ID = strings.TrimSpace(q.ID); q.ID == "" {
		return Errorf(EINVALID, "id: name an organ or post")
	}
	if err := validBasis(q.MinBasis); err != nil {
		return err
	}
	return validAt(q.At, &q.Page)
}

// EscalationAnswer is one page of escalation chains. Truncated says that more chains exist
// than MaxChains, and that only the first MaxChains were assembled.
type EscalationAnswer struct {
	List[EscalationChain]
	Truncated bool `json:"truncated"`
}

// OrganisationQuery asks a question about one organisation (or, where a question allows
// it, every organisation: Organisation empty) as of At. MinBasis, if set, admits only facts
// of at least that basis (stated: only what the documents say).
type OrganisationQuery struct {
	Organisation string
	At           Date
	MinBasis     string
	Page
}

// Validate checks the query; required says whether the question needs an organisation.
func (q *OrganisationQuery) Validate(required bool) error {
	if required && strings.TrimSpace(q.Organisation) == "" {
		return Errorf(EINVALID, "organisation: required")
	}
	if err := validBasis(q.MinBasis); err != nil {
		return err
	}
	return validAt(q.At, &q.Page)
}

func validBasis(b string) error {
	if b != "" && basisRank[b] == 0 {
		return Errorf(EINVALID, "basis: want stated, inferred, illustrative or generated, got %q", b)
	}
	return nil
}

// BasisRank is a basis as a number for queries to compare: stated 3, inferred 2,
// illustrative and generated 1, none (or "") 0.
func BasisRank(b string) int { return basisRank[b] }

// FollowUpQuery asks which follow-ups are missing in a year (default: At's year); MinBasis,
// if set, admits only duties, uppdrag and coverage of at least that basis.
type FollowUpQuery struct {
	Organisation string
	Year         int
	At           Date
	MinBasis     string
}

// Validate checks the query and fills in the default year.
func (q *FollowUpQuery) Validate() error {
	if err := requireAt(q.At); err != nil {
		return err
	}
	if q.Year == 0 {
		q.Year = q.At.Year()
	}
	// From MinYear, as dates are: a year near 1 gave mandate periods before year 0, which
	// are not dates (YYYY-MM-DD) as the answer promises.
	if q.Year < MinYear || q.Year > 9999 {
		return Errorf(EINVALID, "year: want a whole number from %d to 9999, got %d", MinYear, q.Year)
	}
	return validBasis(q.MinBasis)
}

// DefaultMinSeats is how many seats make "many" in the seats report by default.
const DefaultMinSeats = 2

// SeatsQuery asks for the seats report of an organisation.
type SeatsQuery struct {
	Organisation string
	At           Date
	MinSeats     int // people holding at least this many seats are listed
}

// Validate checks the query.
func (q *SeatsQuery) Validate() error {
	if strings.TrimSpace(q.Organisation) == "" {
		return Errorf(EINVALID, "organisation: required")
	}
	if err := requireAt(q.At); err != nil {
		return err
	}
	if q.MinSeats < 1 || q.MinSeats > 1000 {
		return Errorf(EINVALID, "min_seats: want a whole number from 1 to 1000, got %d", q.MinSeats)
	}
	return nil
}

// ChangesQuery asks what started or ended in an organisation after From up to To.
type ChangesQuery struct {
	Organisation string
	From, To     Date
	Page
}

// Validate checks the query.
func (q *ChangesQuery) Validate() error {
	switch {
	case strings.TrimSpace(q.Organisation) == "":
		return Errorf(EINVALID, "organisation: required")
	case q.From.IsZero():
		return Errorf(EINVALID, "from: required (YYYY-MM-DD)")
	case q.To.IsZero():
		return Errorf(EINVALID, "to: required (YYYY-MM-DD)")
	case !q.From.Before(q.To.Time):
		return Errorf(EINVALID, "from (%s) must be before to (%s)", q.From, q.To)
	}
	return q.Page.Validate()
}

// MaxDepth bounds how many levels of parts a subtree goes down.
const MaxDepth = 10

// SubtreeQuery asks for an organ and its parts down to Depth levels.
type SubtreeQuery struct {
	ID    string
	At    Date
	Depth int
}

// Validate checks the query.
func (q *SubtreeQuery) Validate() error {
	if q.Depth < 0 || q.Depth > MaxDepth {
		return Errorf(EINVALID, "depth: want a whole number from 0 to %d, got %d", MaxDepth, q.Depth)
	}
	if err := requireAt(q.At); err != nil {
		return err
	}
	return nil
}

// OrganisationGraphQuery asks for every organ of an organisation; more than MaxOrgans is
// ETOOLARGE (0: no limit).
type OrganisationGraphQuery struct {
	Organisation string
	At           Date
	MaxOrgans    int
}

// Validate checks the query.
func (q *OrganisationGraphQuery) Validate() error {
	if strings.TrimSpace(q.Organisation) == "" {
		return Errorf(EINVALID, "organisation: required")
	}
	if q.MaxOrgans < 0 {
		return Errorf(EINVALID, "the organ limit must not be negative, not %d", q.MaxOrgans)
	}
	if err := requireAt(q.At); err != nil {
		return err
	}
	return nil
}

func validAt(at Date, p *Page) error {
	if err := requireAt(at); err != nil {
		return err
	}
	return p.Validate()
}

func requireAt(at Date) error {
	if at.IsZero() {
		return Errorf(EINVALID, "at: required (YYYY-MM-DD)")
	}
	return nil
}
