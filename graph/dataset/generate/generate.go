// Package generate writes realistic, made-up dataset files for tests and benchmarks: the
// real regions and kommuner by their names and codes, each with a governance structure of
// the shape the examples show (fullmäktige, styrelse with arbetsutskott and presidium,
// nämnder, förvaltningar with stabsfunktioner, bolag and stiftelser under uppsikt, many
// collaborative groups with seats, escalation and delegation chains, follow-ups) and
// collaborations spanning several kommuner. Everything but the organisations' names and
// codes carries the provenance basis generated, so that nobody mistakes it for a real
// organisation's structure. The output is the same for the same seed.
package generate

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
)

//go:embed organisations.csv
var organisationsCSV string

// Organisation is a region or kommun of the embedded list.
type Organisation struct {
	Kind string // region | kommun
	Code string // länskod (2 digits) or kommunkod (4 digits)
	Name string
}

// ID is the organisation's id in generated datasets.
func (o Organisation) ID() string { return o.Kind + "-" + o.Code }

// Lan is the two-digit län the organisation lies in.
func (o Organisation) Lan() string { return o.Code[:2] }

// Organisations lists the 21 regions and 290 kommuner, each region followed by its kommuner.
func Organisations() []Organisation {
	var out []Organisation
	sc := bufio.NewScanner(strings.NewReader(organisationsCSV))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "kind,") {
			continue
		}
		f := strings.SplitN(line, ",", 3)
		out = append(out, Organisation{Kind: f[0], Code: f[1], Name: f[2]})
	}
	return out
}

// File is one generated dataset file.
type File struct {
	Name string // file name, e.g. kommun-0180.yaml
	Data graph.Dataset
}

// YAML renders the dataset in the dataset file format.
func (f File) YAML() ([]byte, error) { return Marshal(f.Data) }

// Generate makes the datasets of the first n organisations of Organisations (all when n is
// 0 or more than there are), one file per organisation and one per län for the
// collaborations between its kommuner (when two or more of them are generated), and calls
// emit for each in turn, so that the whole country never needs to be in memory at once.
func Generate(n int, seed uint64, emit func(File) error) error {
	orgs := Organisations()
	if n <= 0 || n > len(orgs) {
		n = len(orgs)
	}
	orgs = orgs[:n]
	byLan := map[string][]Organisation{}
	var lans []string
	for i, o := range orgs {
		d := organisationDataset(o, rand.New(rand.NewPCG(seed, uint64(i+1))))
		if err := emit(File{Name: o.ID() + ".yaml", Data: d}); err != nil {
			return err
		}
		if o.Kind == "kommun" {
			if _, ok := byLan[o.Lan()]; !ok {
				lans = append(lans, o.Lan())
			}
			byLan[o.Lan()] = append(byLan[o.Lan()], o)
		}
	}
	for i, lan := range lans {
		if len(byLan[lan]) < 2 {
			continue
		}
		d := collaborationDataset(lan, byLan[lan], rand.New(rand.NewPCG(seed, uint64(1000+i))))
		if err := emit(File{Name: d.ID + ".yaml", Data: d}); err != nil {
			return err
		}
	}
	return nil
}

var gen = graph.Source{Basis: graph.BasisGenerated}

func date(s string) *graph.Date { d := graph.MustDate(s); return &d }
func ptr[T any](v T) *T         { return &v }

// The mandate periods: fullmäktige from 15 October of the election year, nämnder and
// other political seats from 1 January after it.
var (
	councilPeriods = []graph.Validity{
		{ValidFrom: date("2018-10-15"), ValidTo: date("2022-10-14")},
		{ValidFrom: date("2022-10-15"), ValidTo: date("2026-10-14")},
		{ValidFrom: date("2026-10-15")},
	}
	boardPeriods = []graph.Validity{
		{ValidFrom: date("2019-01-01"), ValidTo: date("2022-12-31")},
		{ValidFrom: date("2023-01-01"), ValidTo: date("2026-12-31")},
		{ValidFrom: date("2027-01-01")},
	}
)

var (
	firstNames = []string{"Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per",
		"Lena", "Mikael", "Kerstin", "Fredrik", "Ingrid", "Magnus", "Emma", "Jonas", "Sofia", "Henrik",
		"Elin", "Mats", "Linnea", "Ola", "Åsa", "Gustav", "Maja", "Nils", "Ida", "Björn", "Hanna", "Oskar"}
	lastNames = []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
		"Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
		"Lindberg", "Jakobsson", "Magnusson", "Lindström", "Lindqvist", "Berg", "Axelsson", "Bergström",
		"Lundberg", "Lind", "Lundgren", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Ek"}
	kommunNamnder = []string{"Barn- och utbildningsnämnden", "Socialnämnden", "Kultur- och fritidsnämnden",
		"Miljö- och byggnadsnämnden", "Tekniska nämnden", "Vård- och omsorgsnämnden", "Gymnasienämnden",
		"Arbetsmarknadsnämnden", "Servicenämnden", "Överförmyndarnämnden", "Samhällsbyggnadsnämnden", "Valnämnden"}
	regionNamnder = []string{"Hälso- och sjukvårdsnämnden", "Regionala utvecklingsnämnden", "Kollektivtrafiknämnden",
		"Kulturnämnden", "Patientnämnden", "Servicenämnden", "Folkhälsonämnden", "Tandvårdsnämnden",
		"Primärvårdsnämnden", "Psykiatrinämnden", "Habiliteringsnämnden", "Valnämnden"}
	bolagNames = []string{"Bostads AB", "Energi AB", "Fastighets AB", "Hamn AB", "Vatten AB",
		"Näringslivs AB", "Parkerings AB", "Stadsnät AB", "Flygplats AB", "Kraft AB"}
	stiftelseNames = []string{"Stiftelsen Kulturarv", "Stiftelsen Studiefond", "Stiftelsen Naturvård"}
	groupKinds     = []string{"ledningsgrupp", "samordnande_grupp", "arbetsgrupp", "projektgrupp", "samverkansgrupp",
		"natverk", "sakkunniggrupp", "funktionsgrupp", "kundrad", "samordningsrad", "beredningsgrupp",
		"strategisk_grupp", "taktisk_grupp", "operativ_grupp", "kommitte"}
	groupWords = []string{"ekonomi", "personal", "digitalisering", "folkhälsa", "kompetensförsörjning",
		"krisberedskap", "upphandling", "lokaler", "trafik", "klimat", "integration", "skola", "äldreomsorg",
		"funktionsstöd", "vatten", "avfall", "kultur", "idrott", "näringsliv", "bostäder", "säkerhet",
		"informationshantering", "miljö", "samhällsplanering", "arbetsmiljö", "läkemedel", "vårdhygien"}
	topicNames = []string{"Ekonomi", "Personal", "Upphandling", "Stabsfunktioner", "Lokaler",
		"Digitalisering", "Kommunikation", "Säkerhet", "Samverkan", "Miljö"}
	staffFunctions = []string{"hr", "it", "kommunikation", "uppsikt_internkontroll", "ekonomi_budget",
		"administration_juridik", "sakerhet"}
)

var groupKindWord = map[string]string{
	"ledningsgrupp": "Ledningsgrupp", "samordnande_grupp": "Samordningsgrupp", "arbetsgrupp": "Arbetsgrupp",
	"projektgrupp": "Projektgrupp", "samverkansgrupp": "Samverkansgrupp", "natverk": "Nätverk",
	"sakkunniggrupp": "Sakkunniggrupp", "funktionsgrupp": "Funktionsgrupp", "kundrad": "Kundråd",
	"samordningsrad": "Samordningsråd", "beredningsgrupp": "Beredningsgrupp", "strategisk_grupp": "Strategisk grupp",
	"taktisk_grupp": "Taktisk grupp", "operativ_grupp": "Operativ grupp", "kommitte": "Kommitté",
}

// builder accumulates one dataset.
type builder struct {
	d      graph.Dataset
	r      *rand.Rand
	p      string // id prefix, the organisation's id
	people int
}

func (b *builder) id(parts ...any) string {
	s := b.p
	for _, p := range parts {
		s += "-" + fmt.Sprint(p)
	}
	return s
}

func (b *builder) person() string {
	b.people++
	id := b.id("p", b.people)
	b.d.People = append(b.d.People, graph.Person{ID: id,
		Name:   firstNames[b.r.IntN(len(firstNames))] + " " + lastNames[b.r.IntN(len(lastNames))],
		Source: gen})
	return id
}

func (b *builder) organ(id, name, kind, partOf string) string {
	b.d.Organs = append(b.d.Organs, graph.Organ{ID: id, Name: name, Kind: kind,
		Organisation: b.p, PartOf: partOf, Source: gen})
	return id
}

func (b *builder) post(organ, suffix, title, kind string, max int) string {
	id := organ + "-" + suffix
	p := graph.Post{ID: id, Title: title, Kind: kind, Organ: organ, Source: gen}
	if max != 1 {
		p.MaxHolders = ptr(max)
	}
	b.d.Posts = append(b.d.Posts, p)
	return id
}

// hold fills the post's seats for each period from the pool, keeping about two holders in
// three from one period to the next: holders change at the mandate period boundaries.
func (b *builder) hold(post string, seats int, periods []graph.Validity, pool *[]string) {
	i := len(b.d.Posts) - 1
	for b.d.Posts[i].ID != post {
		i--
	}
	var prev []string
	for _, v := range periods {
		cur := make([]string, 0, seats)
		seen := map[string]bool{}
		for s := 0; s < seats; s++ {
			who := ""
			if s < len(prev) && b.r.IntN(3) > 0 {
				who = prev[s]
			}
			for tries := 0; who == "" || seen[who]; tries++ {
				if who = b.pick(pool); tries > 3 && seen[who] {
					who = b.person()
					*pool = append(*pool, who)
				}
			}
			seen[who] = true
			cur = append(cur, who)
		}
		for _, who := range cur {
			b.d.Posts[i].Holders = append(b.d.Posts[i].Holders, graph.Holding{Person: who, Source: gen, Validity: v})
		}
		prev = cur
	}
}

// pick takes a person from the pool, or a new one now and then: people sit in several organs.
func (b *builder) pick(pool *[]string) string {
	if len(*pool) < 8 || b.r.IntN(3) == 0 {
		id := b.person()
		*pool = append(*pool, id)
		return id
	}
	return (*pool)[b.r.IntN(len(*pool))]
}

func (b *builder) rel(kind, from, to string) {
	b.d.Relations = append(b.d.Relations, graph.Relation{Kind: kind, From: from, To: to, Source: gen})
}

func organisationDataset(o Organisation, r *rand.Rand) graph.Dataset {
	b := &builder{r: r, p: o.ID()}
	region := o.Kind == "region"
	b.d.ID = o.ID()
	b.d.Description = "Genererade testdata för " + o.Name + " (styrgraf generate): beskriver inte organisationens verkliga styrning."
	b.d.Organisations = []graph.Organisation{{ID: o.ID(), Name: o.Name, Kind: o.Kind}}
	for _, what := range []string{"holders", "oversight", "follow_ups", "staff_functions"} {
		c := graph.Coverage{ID: b.id("coverage", strings.ReplaceAll(what, "_", "-")), What: what, Organisation: o.ID(), Source: gen}
		if what == "follow_ups" {
			c.From = date("2023-01-01")
		}
		b.d.Coverage = append(b.d.Coverage, c)
	}
	var politicians, officials []string
	kfName, ksName, lkName, dirTitle := "Kommunfullmäktige", "Kommunstyrelsen", "Kommunledningskontoret", "Kommundirektör"
	namnder := kommunNamnder
	if region {
		kfName, ksName, lkName, dirTitle = "Regionfullmäktige", "Regionstyrelsen", "Regionkontoret", "Regiondirektör"
		namnder = regionNamnder
	}

	kf := b.organ(b.id("kf"), kfName, "fullmaktige", "")
	b.d.Organs[len(b.d.Organs)-1].Statutory = true
	b.hold(b.post(kf, "ordf", "Ordförande", "chair", 1), 1, councilPeriods, &politicians)
	b.hold(b.post(kf, "led", "Ledamot", "member", 0), 30+r.IntN(40), councilPeriods, &politicians)
	ks := b.organ(b.id("ks"), ksName, "styrelse", "")
	b.d.Organs[len(b.d.Organs)-1].Statutory = true
	ksChair := b.post(ks, "ordf", "Ordförande", "chair", 1)
	b.hold(ksChair, 1, boardPeriods, &politicians)
	b.hold(b.post(ks, "led", "Ledamot", "member", 0), 10+r.IntN(6), boardPeriods, &politicians)
	b.rel(graph.RelReportsTo, ks, kf)
	b.rel(graph.RelAppoints, kf, ks)
	au := b.organ(b.id("ksau"), ksName+"s arbetsutskott", "utskott", ks)
	auChair := b.post(au, "ordf", "Ordförande", "chair", 1)
	b.d.Posts[len(b.d.Posts)-1].ExOfficio = ksChair
	b.hold(b.post(au, "led", "Ledamot", "member", 0), 4, boardPeriods, &politicians)
	pres := b.organ(b.id("kspres"), ksName+"s presidium", "presidium", ks)
	b.post(pres, "ordf", "Ordförande", "chair", 1)
	b.d.Posts[len(b.d.Posts)-1].ExOfficio = ksChair
	b.rel(graph.RelPreparesFor, au, ks)
	rev := b.organ(b.id("rev"), "Revisorerna", "revision", "")
	b.hold(b.post(rev, "led", "Revisor", "member", 0), 5, councilPeriods, &politicians)
	b.rel(graph.RelReportsTo, rev, kf)

	lk := b.organ(b.id("lk"), lkName, "forvaltning", "")
	dir := b.post(lk, "dir", dirTitle, "director", 1)
	b.hold(dir, 1, boardPeriods, &officials)
	b.rel(graph.RelSupports, lk, ks)
	b.rel(graph.RelDirects, dir, lk)
	forvaltningar := []string{lk}
	directors := []string{dir}

	// Topics and the delegation chains: fullmäktige's original mandate, delegated down 2–6
	// steps (styrelse, arbetsutskott, direktör, avdelningschefer).
	for t, name := range topicNames {
		b.d.Topics = append(b.d.Topics, graph.Topic{ID: b.id("topic", t), Name: name})
	}

	// Nämnder, each with its förvaltning, avdelningar and director; uppsikt from the styrelse
	// with about one in ten missing.
	nn := 5 + r.IntN(len(namnder)-4)
	for i, name := range namnder[:nn] {
		n := b.organ(b.id("n", i), name, "namnd", "")
		b.hold(b.post(n, "ordf", "Ordförande", "chair", 1), 1, boardPeriods, &politicians)
		b.hold(b.post(n, "led", "Ledamot", "member", 0), 5+r.IntN(8), boardPeriods, &politicians)
		b.rel(graph.RelReportsTo, n, kf)
		b.rel(graph.RelAppoints, kf, n)
		if r.IntN(10) > 0 {
			b.rel(graph.RelOversees, ks, n)
		}
		f := b.organ(b.id("f", i), forvaltningName(name), "forvaltning", "")
		d := b.post(f, "dir", "Förvaltningschef", "director", 1)
		b.hold(d, 1, boardPeriods, &officials)
		b.rel(graph.RelPreparesFor, f, n)
		b.rel(graph.RelDirects, d, f)
		b.rel(graph.RelReportsTo, d, dir)
		forvaltningar = append(forvaltningar, f)
		directors = append(directors, d)
	}
	var avdelningschefer []string
	for i, f := range forvaltningar {
		for a := 0; a < 2+r.IntN(4); a++ {
			av := b.organ(b.id("avd", i, a), "Avdelning "+cap(groupWords[r.IntN(len(groupWords))]), "avdelning", f)
			c := b.post(av, "chef", "Avdelningschef", "director", 1)
			b.hold(c, 1, boardPeriods[1:], &officials)
			b.rel(graph.RelReportsTo, c, directors[i])
			avdelningschefer = append(avdelningschefer, c)
		}
	}
	for t := range topicNames {
		chain := []string{kf, ks, au, dir}
		chain = append(chain, avdelningschefer[r.IntN(len(avdelningschefer))])
		depth := 2 + r.IntN(5) // 2–6 holders: one original, the rest delegated
		var prev string
		for k, holder := range chain[:min(depth, len(chain))] {
			m := graph.Mandate{ID: b.id("m", t, k), Holder: holder, Topics: []string{b.id("topic", t)},
				Scope: fmt.Sprintf("Beslut i frågor om %s (nivå %d)", strings.ToLower(topicNames[t]), k+1), Source: gen}
			if prev == "" {
				m.Level = "original"
			} else {
				m.Level, m.DelegatedFrom = "delegated", prev
			}
			b.d.Mandates = append(b.d.Mandates, m)
			prev = m.ID
		}
	}

	// Bolag and stiftelser under uppsikt (some gaps), each followed up every year; the
	// records miss about one year in five.
	var followed []string
	nb := 2 + r.IntN(7)
	for i := 0; i < nb; i++ {
		bo := b.organ(b.id("bolag", i), o.Name+" "+bolagNames[(i+r.IntN(3))%len(bolagNames)]+fmt.Sprint(" ", i+1), "bolag", "")
		b.hold(b.post(bo, "ordf", "Styrelseordförande", "chair", 1), 1, boardPeriods, &politicians)
		b.hold(b.post(bo, "led", "Styrelseledamot", "member", 0), 3+r.IntN(4), boardPeriods, &politicians)
		if r.IntN(7) > 0 {
			b.rel(graph.RelOversees, ks, bo)
		}
		followed = append(followed, bo)
	}
	for i := 0; i < r.IntN(4); i++ {
		st := b.organ(b.id("stiftelse", i), stiftelseNames[i]+" i "+o.Name, "stiftelse", "")
		b.hold(b.post(st, "ordf", "Ordförande", "chair", 1), 1, boardPeriods, &politicians)
		if r.IntN(4) > 0 {
			b.rel(graph.RelOversees, ks, st)
		}
		followed = append(followed, st)
	}

	// Stabsfunktioner: one profile for every förvaltning, which about one function in eight
	// lacks.
	b.d.StaffProfiles = []graph.StaffProfile{{ID: b.id("profil"), Name: "Förvaltning", Organisation: o.ID(),
		OrganKind: "forvaltning", Functions: staffFunctions[:6], Source: gen}}
	for i, f := range forvaltningar {
		for _, fn := range staffFunctions {
			if r.IntN(8) == 0 {
				continue
			}
			b.d.StaffFunctions = append(b.d.StaffFunctions, graph.StaffFunction{ID: b.id("sf", i, strings.ReplaceAll(fn, "_", "-")), Organ: f,
				Function: fn, FTE: ptr(float64(1 + r.IntN(30*(1+boolInt(i == 0))))), Source: gen})
		}
	}

	// Collaborative groups: trees under the förvaltningar's directors, each group escalating
	// to the one above it, 2–6 levels deep; seats with a chair (often ex officio a director's),
	// members and a secretary.
	ng := 50 + r.IntN(351)
	type group struct {
		id, chair string
		depth     int
	}
	var groups []group
	for g := 0; g < ng; g++ {
		kind := groupKinds[r.IntN(len(groupKinds))]
		id := b.id("g", g)
		var parent *group
		if len(groups) > 0 && r.IntN(5) > 0 {
			cand := groups[len(groups)-1-r.IntN(min(len(groups), 20))]
			if cand.depth < 5 {
				parent = &cand
			}
		}
		fi := r.IntN(len(forvaltningar))
		name := groupKindWord[kind] + " " + groupWords[r.IntN(len(groupWords))] + fmt.Sprint(" ", g+1)
		b.organ(id, name, kind, "")
		chair := b.post(id, "ordf", "Ordförande", "chair", 1)
		if r.IntN(3) == 0 {
			b.d.Posts[len(b.d.Posts)-1].ExOfficio = directors[fi]
		} else {
			b.hold(chair, 1, boardPeriods, &officials)
		}
		b.hold(b.post(id, "led", "Deltagare", "member", 0), 2+r.IntN(6), boardPeriods[1:], &officials)
		if r.IntN(2) == 0 {
			b.hold(b.post(id, "sekr", "Sekreterare", "secretary", 1), 1, boardPeriods[1:], &officials)
		}
		depth := 1
		if parent != nil {
			b.rel(graph.RelEscalatesTo, id, parent.id)
			b.rel(graph.RelReportsTo, id, parent.id)
			depth = parent.depth + 1
		} else {
			b.rel(graph.RelEscalatesTo, id, directors[fi])
			b.rel(graph.RelReportsTo, id, forvaltningar[fi])
		}
		if r.IntN(4) == 0 {
			followed = append(followed, id)
		}
		groups = append(groups, group{id, chair, depth})
	}
	// The styrelse's top: directors escalate to the kommundirektör, who escalates to the
	// styrelse's chair; chains run group → … → director → kommundirektör → ordförande.
	for _, d := range directors[1:] {
		b.rel(graph.RelEscalatesTo, d, dir)
	}
	b.rel(graph.RelEscalatesTo, dir, auChair)
	b.rel(graph.RelEscalatesTo, au, ks)

	for i, subject := range followed {
		duty := b.id("duty", i)
		b.d.Duties = append(b.d.Duties, graph.Duty{ID: duty, Subject: subject, By: ks, Action: graph.ActionFollowUp,
			Per: graph.PerYear, Deadline: &graph.Deadline{DayOfYear: "--11-30", Text: "senast 30/11"},
			Description: "Årlig uppföljning", Source: gen})
		for y := 2023; y <= 2026; y++ {
			if r.IntN(5) == 0 {
				continue
			}
			b.d.DutyRecords = append(b.d.DutyRecords, graph.DutyRecord{ID: fmt.Sprintf("%s-%d", duty, y), Duty: duty,
				Date: date(fmt.Sprintf("%d-10-%02d", y, 1+r.IntN(28))), By: ks, Source: gen})
		}
	}
	return b.d
}

func forvaltningName(namnd string) string {
	switch {
	case strings.HasSuffix(namnd, "nämnden"):
		return strings.TrimSuffix(namnd, "nämnden") + "förvaltningen"
	}
	return namnd + "s förvaltning"
}

func cap(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// collaborationDataset joins the län's kommuner in a kommunalförbund, gemensamma nämnder
// and avtalssamverkan, with seats held by people of the member kommuner.
func collaborationDataset(lan string, members []Organisation, r *rand.Rand) graph.Dataset {
	b := &builder{r: r, p: "samverkan-" + lan}
	b.d.ID = b.p
	b.d.Description = "Genererade testdata: samverkan mellan kommunerna i län " + lan + " (styrgraf generate)."
	host := members[0]
	var pool []string
	// The kommunalförbund: every member's fullmäktige appoints to it, its direktion's
	// members are the kommunstyrelsernas ordförande ex officio.
	kf := b.organ(b.id("kf"), "Kommunalförbundet "+host.Name+" m.fl.", "kommunalforbund", "")
	b.d.Organs[len(b.d.Organs)-1].Organisation = host.ID()
	b.hold(b.post(kf, "dir", "Förbundsdirektör", "director", 1), 1, boardPeriods, &pool)
	for i, m := range members {
		if i > 0 {
			b.d.Organs[0].Spans = append(b.d.Organs[0].Spans, m.ID())
		}
		b.post(kf, fmt.Sprint("led-", m.Code), "Ledamot för "+m.Name, "member", 1)
		b.d.Posts[len(b.d.Posts)-1].ExOfficio = m.ID() + "-ks-ordf"
		b.rel(graph.RelReportsTo, kf, m.ID()+"-kf")
	}
	// Gemensamma nämnder of two or three kommuner, hosted by one.
	for g := 0; g < 1+len(members)/4; g++ {
		i := r.IntN(len(members))
		partners := []Organisation{members[i], members[(i+1)%len(members)]}
		if len(members) > 2 && r.IntN(2) == 0 {
			partners = append(partners, members[(i+2)%len(members)])
		}
		id := b.id("gn", g)
		b.organ(id, fmt.Sprintf("Gemensamma nämnden för %s %d", groupWords[r.IntN(len(groupWords))], g+1), "gemensam_namnd", "")
		o := &b.d.Organs[len(b.d.Organs)-1]
		o.Organisation = partners[0].ID()
		for _, p := range partners[1:] {
			o.Spans = append(o.Spans, p.ID())
		}
		b.hold(b.post(id, "ordf", "Ordförande", "chair", 1), 1, boardPeriods, &pool)
		for _, p := range partners {
			b.rel(graph.RelReportsTo, id, p.ID()+"-kf")
		}
	}
	// Avtalssamverkan: a joint unit under uppsikt of each partner's styrelse, except now and
	// then one (a gap for the revisorer).
	for g := 0; g < len(members); g++ {
		a, c := members[g], members[(g+1)%len(members)]
		id := b.id("av", g)
		b.organ(id, fmt.Sprintf("Gemensam %s-enhet %s–%s", groupWords[r.IntN(len(groupWords))], a.Name, c.Name), "gemensam_verksamhet", "")
		o := &b.d.Organs[len(b.d.Organs)-1]
		o.Organisation, o.Spans = a.ID(), []string{c.ID()}
		b.hold(b.post(id, "chef", "Enhetschef", "director", 1), 1, boardPeriods[1:], &pool)
		b.rel(graph.RelOversees, a.ID()+"-ks", id)
		if r.IntN(4) > 0 {
			b.rel(graph.RelOversees, c.ID()+"-ks", id)
		}
		b.rel(graph.RelEscalatesTo, id, a.ID()+"-lk-dir")
	}
	for i := range b.d.Organs {
		b.d.Organs[i].Source = gen
	}
	return b.d
}

// Marshal writes a dataset as YAML in the dataset format: block style, fields in the
// model's order, empty sources and lists left out.
func Marshal(d graph.Dataset) ([]byte, error) {
	// Through JSON: the model's JSON encoding writes dates as YYYY-MM-DD and keeps the
	// fields' order, which YAML's encoding of the same structs would not.
	js, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	var n yaml.Node
	if err := yaml.Unmarshal(js, &n); err != nil {
		return nil, err
	}
	tidy(&n)
	var buf bytes.Buffer
	buf.WriteString("# Generated by styrgraf generate: made-up data (source: generated), not a real organisation's structure.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// tidy drops empty mappings and lists (a missing source, no holders) and clears JSON's
// flow style and quoting.
func tidy(n *yaml.Node) {
	n.Style = 0
	if n.Kind == yaml.MappingNode {
		var kept []*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			v := n.Content[i+1]
			if (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) && len(v.Content) == 0 {
				continue
			}
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				continue
			}
			if n.Content[i].Value == "source" && v.Kind == yaml.MappingNode && len(v.Content) == 2 &&
				v.Content[0].Value == "basis" && v.Content[1].Value == graph.SourceGenerated {
				v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: graph.SourceGenerated}
			}
			kept = append(kept, n.Content[i], v)
		}
		n.Content = kept
	}
	for _, c := range n.Content {
		tidy(c)
	}
}

// Count is how many items (nodes once imported) the dataset declares.
func Count(d graph.Dataset) int { return dataset.ItemCount(d) }

// DeepestEscalation is the organ or group at the start of the longest escalation chain in d
// (the smallest id among equals), for benchmarks and tests that want a chain worth asking
// about; "" if d has none. A cycle counts as 50 steps.
func DeepestEscalation(d graph.Dataset) string {
	up := map[string]string{}
	for _, r := range d.Relations {
		if r.Kind == graph.RelEscalatesTo {
			up[r.From] = r.To
		}
	}
	best, bestDepth := "", -1
	for id := range up {
		depth := 0
		for at := id; up[at] != "" && depth < 50; at = up[at] {
			depth++
		}
		if depth > bestDepth || depth == bestDepth && id < best {
			best, bestDepth = id, depth
		}
	}
	return best
}
