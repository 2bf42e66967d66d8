// Package orgld writes styrgraf's datasets in the W3C Organization Ontology (ORG) as
// JSON-LD and as Turtle: organisations and organs as org:Organization,
// org:OrganizationalUnit or org:OrganizationalCollaboration, seats as org:Post, holdings as
// org:Membership with org:memberDuring, parts as org:subOrganizationOf, reports_to as
// org:reportsTo, and chairs and directors as org:headOf. Each item carries its provenance
// (dct:source, and the basis, section, quote or reasoning in styrgraf's namespace). What ORG
// has no term for (the other relations, ex officio seats) is in styrgraf's namespace;
// mandates, duties and the rest of the model are left to the Popolo export, which carries
// everything. It knows nothing of Neo4j or HTTP.
package orgld

import (
	"fmt"
	"sort"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// Namespaces.
const (
	NsRDF  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NsORG  = "http://www.w3.org/ns/org#"
	NsSKOS = "http://www.w3.org/2004/02/skos/core#"
	NsDCT  = "http://purl.org/dc/terms/"
	NsFOAF = "http://xmlns.com/foaf/0.1/"
	NsTIME = "http://www.w3.org/2006/time#"
	NsXSD  = "http://www.w3.org/2001/XMLSchema#"
	// NsSG is styrgraf's own vocabulary: terms ORG has no counterpart for.
	NsSG = "urn:styrgraf:vocab:"
	// Base is where item IRIs start: an item's IRI is Base + its id.
	Base = "urn:styrgraf:id:"
)

// Prefixes are the namespace prefixes the JSON-LD context declares.
var Prefixes = map[string]string{
	"rdf": NsRDF, "org": NsORG, "skos": NsSKOS, "dct": NsDCT, "foaf": NsFOAF, "time": NsTIME, "xsd": NsXSD, "sg": NsSG,
}

// Term is an RDF term: an IRI, or a literal with a datatype or a language.
type Term struct {
	IRI      string
	Value    string
	Datatype string
	Lang     string
}

// IsIRI reports whether the term is an IRI.
func (t Term) IsIRI() bool { return t.IRI != "" }

// Triple is one statement.
type Triple struct {
	S, P string
	O    Term
}

func iri(s string) Term              { return Term{IRI: s} }
func sv(s string) Term               { return Term{Value: s, Lang: "sv"} }
func plain(s string) Term            { return Term{Value: s} } // xsd:string
func dateLit(d graph.Date) Term      { return Term{Value: d.String(), Datatype: NsXSD + "date"} }
func booleanLit(b bool) Term         { return Term{Value: fmt.Sprint(b), Datatype: NsXSD + "boolean"} }
func item(id string) string          { return Base + id }
func kindIRI(vocab, v string) string { return NsSG + "kind/" + vocab + "/" + v }

// Triples maps datasets to ORG triples, sorted and without duplicates.
func Triples(datasets []graph.Dataset) []Triple {
	b := builder{seen: map[Triple]bool{}, concepts: map[string]bool{}}
	organisations := map[string]bool{}
	for _, d := range datasets {
		for _, o := range d.Organisations {
			organisations[o.ID] = true
		}
	}
	for _, d := range datasets {
		for _, doc := range d.Documents {
			s := item(doc.ID)
			b.add(s, NsRDF+"type", iri(NsFOAF+"Document"))
			b.add(s, NsDCT+"title", sv(doc.Title))
			b.add(s, NsDCT+"type", iri(b.concept("document_kind", doc.Kind)))
			if doc.Date != nil {
				b.add(s, NsDCT+"date", dateLit(*doc.Date))
			}
			if doc.Diarienummer != "" {
				b.add(s, NsDCT+"identifier", plain(doc.Diarienummer))
			}
			b.provenance(s, doc.Source)
		}
		for _, o := range d.Organisations {
			s := item(o.ID)
			b.add(s, NsRDF+"type", iri(NsORG+"Organization"))
			b.add(s, NsRDF+"type", iri(NsORG+"FormalOrganization"))
			b.add(s, NsSKOS+"prefLabel", sv(o.Name))
			b.add(s, NsORG+"classification", iri(b.concept("organisation_kind", o.Kind)))
			b.validity(s, o.Validity)
			b.provenance(s, o.Source)
		}
		for _, o := range d.Organs {
			s := item(o.ID)
			b.add(s, NsRDF+"type", iri(NsORG+"Organization"))
			kind, _ := graph.OrganKindOf(o.Kind)
			category := o.Category
			if category == "" {
				category = kind.Category
			}
			// A group of several parties (samordningsråd, chefsgrupp, gemensam nämnd) is a
			// collaboration; its members are the organisations it belongs to.
			if category == graph.CategoryCollaborative || o.Kind == "gemensam_namnd" || len(o.Spans) > 0 {
				b.add(s, NsRDF+"type", iri(NsORG+"OrganizationalCollaboration"))
				for _, m := range append([]string{o.Organisation}, o.Spans...) {
					b.add(s, NsORG+"hasMember", iri(item(m)))
				}
			} else {
				b.add(s, NsRDF+"type", iri(NsORG+"OrganizationalUnit"))
				b.add(s, NsORG+"unitOf", iri(item(o.Organisation)))
			}
			b.add(s, NsSKOS+"prefLabel", sv(o.Name))
			if o.ShortName != "" {
				b.add(s, NsSKOS+"altLabel", sv(o.ShortName))
			}
			if o.Description != "" {
				b.add(s, NsDCT+"description", sv(o.Description))
			}
			b.add(s, NsORG+"classification", iri(b.concept("organ_kind", o.Kind)))
			parent := o.PartOf
			if parent == "" {
				parent = o.Organisation
			}
			b.add(s, NsORG+"subOrganizationOf", iri(item(parent)))
			b.validity(s, o.Validity)
			b.provenance(s, o.Source)
		}
		for _, p := range d.People {
			s := item(p.ID)
			b.add(s, NsRDF+"type", iri(NsFOAF+"Person"))
			b.add(s, NsFOAF+"name", plain(p.Name))
			if p.Placeholder {
				b.add(s, NsSG+"placeholder", booleanLit(true))
			}
			b.provenance(s, p.Source)
		}
		for _, p := range d.Posts {
			s := item(p.ID)
			role := b.concept("post_kind", p.Kind)
			b.add(s, NsRDF+"type", iri(NsORG+"Post"))
			b.add(s, NsSKOS+"prefLabel", sv(p.Title))
			b.add(s, NsORG+"postIn", iri(item(p.Organ)))
			b.add(s, NsORG+"role", iri(role))
			if p.ExOfficio != "" {
				b.add(s, NsSG+"exOfficio", iri(item(p.ExOfficio)))
			}
			b.validity(s, p.Validity)
			b.provenance(s, p.Source)
			for _, h := range p.Holders {
				person := item(h.Person)
				b.add(person, NsORG+"holds", iri(s))
				b.add(s, NsORG+"heldBy", iri(person))
				if p.Kind == "chair" || p.Kind == "director" {
					b.add(person, NsORG+"headOf", iri(item(p.Organ)))
				}
				m := Base + "membership/" + h.Person + "/" + p.ID
				if h.ValidFrom != nil {
					m += "/" + h.ValidFrom.String()
				}
				b.add(m, NsRDF+"type", iri(NsORG+"Membership"))
				b.add(m, NsORG+"member", iri(person))
				b.add(m, NsORG+"organization", iri(item(p.Organ)))
				b.add(m, NsORG+"role", iri(role))
				b.add(m, NsSG+"post", iri(s))
				if h.ValidFrom != nil || h.ValidTo != nil {
					during := m + "/during"
					b.add(m, NsORG+"memberDuring", iri(during))
					b.add(during, NsRDF+"type", iri(NsTIME+"Interval"))
					for _, end := range []struct {
						p string
						d *graph.Date
					}{{"hasBeginning", h.ValidFrom}, {"hasEnd", h.ValidTo}} {
						if end.d == nil {
							continue
						}
						instant := during + "/" + end.p
						b.add(during, NsTIME+end.p, iri(instant))
						b.add(instant, NsRDF+"type", iri(NsTIME+"Instant"))
						b.add(instant, NsTIME+"inXSDDate", dateLit(*end.d))
					}
				}
				b.provenance(m, h.Source)
			}
		}
		for _, r := range d.Relations {
			from, to := item(r.From), item(r.To)
			b.add(from, relationIRI(r.Kind), iri(to))
			// The relation as a node of its own, so that its source and validity can be said.
			q := Base + "relation/" + r.Kind + "/" + r.From + "/" + r.To
			if r.ValidFrom != nil {
				q += "/" + r.ValidFrom.String()
			}
			b.add(q, NsRDF+"type", iri(NsSG+"Relation"))
			b.add(q, NsSG+"relationKind", iri(b.concept("relation_kind", r.Kind)))
			b.add(q, NsSG+"from", iri(from))
			b.add(q, NsSG+"to", iri(to))
			if r.Description != "" {
				b.add(q, NsDCT+"description", sv(r.Description))
			}
			b.validity(q, r.Validity)
			b.provenance(q, r.Source)
		}
	}
	sort.Slice(b.out, func(i, j int) bool { return less(b.out[i], b.out[j]) })
	return b.out
}

// relationIRI is the property of a relation kind: org:reportsTo for reports_to, else
// styrgraf's own (prepares_for → sg:preparesFor).
func relationIRI(kind string) string {
	if kind == graph.RelReportsTo {
		return NsORG + "reportsTo"
	}
	parts := strings.Split(kind, "_")
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return NsSG + strings.Join(parts, "")
}

type builder struct {
	out      []Triple
	seen     map[Triple]bool
	concepts map[string]bool
}

func (b *builder) add(s, p string, o Term) {
	t := Triple{S: s, P: p, O: o}
	if !b.seen[t] {
		b.seen[t] = true
		b.out = append(b.out, t)
	}
}

// concept is the IRI of a vocabulary value, described once as a skos:Concept with its
// Swedish term.
func (b *builder) concept(vocab, value string) string {
	c := kindIRI(vocab, value)
	if !b.concepts[c] {
		b.concepts[c] = true
		b.add(c, NsRDF+"type", iri(NsSKOS+"Concept"))
		b.add(c, NsSKOS+"notation", plain(value))
		b.add(c, NsSKOS+"prefLabel", sv(graph.Swedish(vocab, value)))
	}
	return c
}

func (b *builder) validity(s string, v graph.Validity) {
	if v.ValidFrom != nil {
		b.add(s, NsSG+"validFrom", dateLit(*v.ValidFrom))
	}
	if v.ValidTo != nil {
		b.add(s, NsSG+"validTo", dateLit(*v.ValidTo))
	}
}

// provenance says on what basis the dataset asserts the item: the document (dct:source),
// the basis, and the section, quote or reasoning.
func (b *builder) provenance(s string, src graph.Source) {
	if src.Document != "" {
		b.add(s, NsDCT+"source", iri(item(src.Document)))
	}
	if basis := src.EffectiveBasis(); basis != "" {
		b.add(s, NsSG+"basis", iri(b.concept("basis", basis)))
	}
	for p, v := range map[string]string{"section": src.Section, "quote": src.Quote, "reasoning": src.Reasoning} {
		if v != "" {
			b.add(s, NsSG+p, sv(v))
		}
	}
}

func less(a, b Triple) bool {
	if a.S != b.S {
		return a.S < b.S
	}
	if a.P != b.P {
		return a.P < b.P
	}
	return a.O.key() < b.O.key()
}

func (t Term) key() string { return t.IRI + "\x00" + t.Value + "\x00" + t.Datatype + "\x00" + t.Lang }
