// Package popolo writes styrgraf's datasets as Popolo JSON (popoloproject.com, v1.0.1) and
// reads Popolo JSON back into datasets: persons, organizations, posts and memberships map to
// people, organisations and organs, posts and their holders. What Popolo has no field for
// travels in extension fields named "styrgraf" (see README.md), so that an export re-imports
// to the same graph; files written by others are mapped as far as they fit, and what is
// dropped is reported. It knows nothing of Neo4j or HTTP.
package popolo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/styrgraf/styrgraf/graph"
)

// FormatName is the name of the format, as export and import reports spell it.
const FormatName = "popolo"

// ExtensionVersion is the version of the extension fields this package writes.
const ExtensionVersion = 1

// File is a Popolo document as styrgraf writes it.
type File struct {
	Persons       []Person       `json:"persons"`
	Organizations []Organization `json:"organizations"`
	Posts         []Post         `json:"posts"`
	Memberships   []Membership   `json:"memberships"`
	Styrgraf      *Extension     `json:"styrgraf,omitempty"`
}

// Extension is the top-level extension: per dataset, what Popolo has no list for
// (documents, topics, mandates, duties, relations other than part-of, coverage…), in the
// dataset format's own JSON form.
type Extension struct {
	Version  int              `json:"version"`
	Datasets []map[string]any `json:"datasets"`
}

// Person is a Popolo person.
type Person struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Email    string         `json:"email,omitempty"`
	Styrgraf map[string]any `json:"styrgraf,omitempty"`
}

// Organization is a Popolo organization: an organisation (region, kommun) or an organ.
type Organization struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	Classification  string         `json:"classification,omitempty"`
	ParentID        string         `json:"parent_id,omitempty"`
	FoundingDate    string         `json:"founding_date,omitempty"`
	DissolutionDate string         `json:"dissolution_date,omitempty"`
	Identifiers     []Identifier   `json:"identifiers,omitempty"`
	OtherNames      []OtherName    `json:"other_names,omitempty"`
	Styrgraf        map[string]any `json:"styrgraf,omitempty"`
}

// Identifier is an id in some scheme.
type Identifier struct {
	Identifier string `json:"identifier"`
	Scheme     string `json:"scheme"`
}

// OtherName is another name of an organization; styrgraf writes an organ's short name
// with the note NoteAbbreviation.
type OtherName struct {
	Name string `json:"name"`
	Note string `json:"note,omitempty"`
}

// NoteAbbreviation marks the other name that is an organ's short name (CGH, RSAU).
const NoteAbbreviation = "abbreviation"

// SchemeStyrgraf is the identifier scheme of styrgraf's own ids.
const SchemeStyrgraf = "styrgraf"

// Post is a Popolo post: a seat of an organ.
type Post struct {
	ID             string         `json:"id"`
	Label          string         `json:"label"`
	Role           string         `json:"role,omitempty"`
	OrganizationID string         `json:"organization_id"`
	StartDate      string         `json:"start_date,omitempty"`
	EndDate        string         `json:"end_date,omitempty"`
	Styrgraf       map[string]any `json:"styrgraf,omitempty"`
}

// Membership is a Popolo membership: a person holding a post for a period.
// OnBehalfOfID is never written: styrgraf records no parties, and unknown stays unknown.
type Membership struct {
	ID             string         `json:"id"`
	PersonID       string         `json:"person_id"`
	PostID         string         `json:"post_id,omitempty"`
	OrganizationID string         `json:"organization_id,omitempty"`
	Role           string         `json:"role,omitempty"`
	StartDate      string         `json:"start_date,omitempty"`
	EndDate        string         `json:"end_date,omitempty"`
	OnBehalfOfID   string         `json:"on_behalf_of_id,omitempty"`
	Styrgraf       map[string]any `json:"styrgraf,omitempty"`
}

// Extension keys on items: the dataset that declares the item, and for organizations
// whether it is an organisation or an organ.
const (
	extDataset = "dataset"
	extType    = "type"
)

// Write writes datasets as one Popolo document.
func Write(w io.Writer, datasets []graph.Dataset) error {
	f, err := FromDatasets(datasets)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(f)
}

// FromDatasets maps datasets to a Popolo document.
func FromDatasets(datasets []graph.Dataset) (File, error) {
	f := File{Persons: []Person{}, Organizations: []Organization{}, Posts: []Post{}, Memberships: []Membership{},
		Styrgraf: &Extension{Version: ExtensionVersion, Datasets: []map[string]any{}}}
	for _, d := range datasets {
		for _, p := range d.People {
			ext, err := extension(p, d.ID, "id", "name", "email")
			if err != nil {
				return f, err
			}
			f.Persons = append(f.Persons, Person{ID: p.ID, Name: p.Name, Email: p.Email, Styrgraf: ext})
		}
		for _, o := range d.Organisations {
			ext, err := extension(o, d.ID, "id", "name", "kind", "valid_from", "valid_to")
			if err != nil {
				return f, err
			}
			ext[extType] = "organisation"
			f.Organizations = append(f.Organizations, Organization{ID: o.ID, Name: o.Name, Classification: o.Kind,
				FoundingDate: date(o.ValidFrom), DissolutionDate: date(o.ValidTo),
				Identifiers: []Identifier{{Identifier: o.ID, Scheme: SchemeStyrgraf}}, Styrgraf: ext})
		}
		for _, o := range d.Organs {
			// parent_id is the organ it is part of, else its organisation; the organisation
			// stays in the extension, since the parent may be in another export.
			parent := o.PartOf
			if parent == "" {
				parent = o.Organisation
			}
			ext, err := extension(o, d.ID, "id", "name", "kind", "short_name", "valid_from", "valid_to", "part_of")
			if err != nil {
				return f, err
			}
			ext[extType] = "organ"
			org := Organization{ID: o.ID, Name: o.Name, Classification: o.Kind, ParentID: parent,
				FoundingDate: date(o.ValidFrom), DissolutionDate: date(o.ValidTo),
				Identifiers: []Identifier{{Identifier: o.ID, Scheme: SchemeStyrgraf}}, Styrgraf: ext}
			if o.ShortName != "" {
				org.OtherNames = []OtherName{{Name: o.ShortName, Note: NoteAbbreviation}}
			}
			f.Organizations = append(f.Organizations, org)
		}
		for _, p := range d.Posts {
			ext, err := extension(p, d.ID, "id", "title", "kind", "organ", "valid_from", "valid_to", "holders")
			if err != nil {
				return f, err
			}
			f.Posts = append(f.Posts, Post{ID: p.ID, Label: p.Title, Role: p.Kind, OrganizationID: p.Organ,
				StartDate: date(p.ValidFrom), EndDate: date(p.ValidTo), Styrgraf: ext})
			for _, h := range p.Holders {
				ext, err := toMap(h)
				if err != nil {
					return f, err
				}
				for _, k := range []string{"person", "valid_from", "valid_to"} {
					delete(ext, k)
				}
				f.Memberships = append(f.Memberships, Membership{ID: MembershipID(p.ID, h), PersonID: h.Person,
					PostID: p.ID, OrganizationID: p.Organ, Role: p.Kind,
					StartDate: date(h.ValidFrom), EndDate: date(h.ValidTo), Styrgraf: nilIfEmpty(ext)})
			}
		}
		rest := d
		rest.Organisations, rest.Organs, rest.Posts, rest.People = nil, nil, nil, nil
		m, err := toMap(rest)
		if err != nil {
			return f, err
		}
		f.Styrgraf.Datasets = append(f.Styrgraf.Datasets, m)
	}
	sort.SliceStable(f.Organizations, func(i, j int) bool { return f.Organizations[i].ID < f.Organizations[j].ID })
	return f, nil
}

// MembershipID names a holding: its post, person and first day, which identify it in the
// graph too.
func MembershipID(post string, h graph.Holding) string {
	id := post + "--" + h.Person
	if h.ValidFrom != nil {
		id += "--" + h.ValidFrom.String()
	}
	return id
}

// extension is an item's dataset-format JSON without the fields Popolo carries, plus the
// dataset it belongs to.
func extension(v any, dataset string, drop ...string) (map[string]any, error) {
	m, err := toMap(v)
	if err != nil {
		return nil, err
	}
	for _, k := range drop {
		delete(m, k)
	}
	m[extDataset] = dataset
	return m, nil
}

// toMap is v's JSON as a map, without empty objects and lists (an absent source is {}).
func toMap(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("popolo: %w", err)
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("popolo: %w", err)
	}
	prune(m)
	return m, nil
}

func prune(m map[string]any) {
	for k, v := range m {
		switch v := v.(type) {
		case map[string]any:
			prune(v)
			if len(v) == 0 {
				delete(m, k)
			}
		case []any:
			if len(v) == 0 {
				delete(m, k)
			}
			for _, e := range v {
				if em, ok := e.(map[string]any); ok {
					prune(em)
				}
			}
		}
	}
}

func nilIfEmpty(m map[string]any) map[string]any {
	if len(m) == 0 {
		return nil
	}
	return m
}

func date(d *graph.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}
