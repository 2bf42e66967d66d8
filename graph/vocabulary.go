package graph

// Term is one value of a closed vocabulary, with the Swedish term it stands for.
type Term struct {
	Value   string
	Swedish string
}

// OrganKind is a kind of organ with the category and decision power it has unless a dataset
// says otherwise.
type OrganKind struct {
	Term
	Category string
	Decides  bool
}

// Organ categories (used to colour diagrams and to choose what uppsikt covers).
const (
	CategoryPolitical      = "political"
	CategoryAdministrative = "administrative"
	CategoryCollaborative  = "collaborative"
	CategoryCompany        = "company"
	CategoryFoundation     = "foundation"
	CategoryFederation     = "federation"
)

// OrganKinds lists every organ kind the source documents name.
var OrganKinds = []OrganKind{
	{Term{"fullmaktige", "regionfullmäktige / kommunfullmäktige"}, CategoryPolitical, true},
	{Term{"styrelse", "regionstyrelse / kommunstyrelse"}, CategoryPolitical, true},
	{Term{"utskott", "utskott, arbetsutskott (AU)"}, CategoryPolitical, true},
	{Term{"presidium", "presidium"}, CategoryPolitical, false},
	{Term{"namnd", "nämnd (driftnämnd, lokal nämnd, facknämnd)"}, CategoryPolitical, true},
	{Term{"gemensam_namnd", "gemensam nämnd"}, CategoryPolitical, true},
	{Term{"krisledningsnamnd", "krisledningsnämnd"}, CategoryPolitical, true},
	{Term{"politisk_styrgrupp", "politisk styrgrupp"}, CategoryPolitical, false},
	{Term{"forvaltning", "förvaltning (incl. regionkontor, kommunledningskontor)"}, CategoryAdministrative, true},
	{Term{"avdelning", "avdelning, kansli, enhet"}, CategoryAdministrative, true},
	{Term{"bolag", "bolag"}, CategoryCompany, true},
	{Term{"stiftelse", "stiftelse"}, CategoryFoundation, true},
	{Term{"kommunalforbund", "kommunalförbund"}, CategoryFederation, true},
	{Term{"revision", "revisorerna (revision)"}, CategoryPolitical, false},
	{Term{"gemensam_verksamhet", "avtalssamverkan / gemensam verksamhet"}, CategoryCollaborative, false},
	{Term{"ledningsforum", "lednings- och samverkansforum mellan huvudmän (t.ex. KRF)"}, CategoryCollaborative, false},
	{Term{"chefsgrupp", "chefsgrupp (t.ex. Chefsgrupp Halland)"}, CategoryCollaborative, false},
	{Term{"koncernledning", "koncernledning(sgrupp)"}, CategoryCollaborative, false},
	{Term{"ledningsgrupp", "ledningsgrupp, grupp för sammanhållen ledning"}, CategoryCollaborative, false},
	{Term{"strategisk_grupp", "strategisk grupp"}, CategoryCollaborative, false},
	{Term{"taktisk_grupp", "taktisk grupp"}, CategoryCollaborative, false},
	{Term{"operativ_grupp", "operativ grupp"}, CategoryCollaborative, false},
	{Term{"samordnande_grupp", "samordnande grupp"}, CategoryCollaborative, false},
	{Term{"samordningsrad", "samordningsråd"}, CategoryCollaborative, false},
	{Term{"kommitte", "kommitté (t.ex. läkemedelskommittén)"}, CategoryCollaborative, false},
	{Term{"sakkunniggrupp", "sakkunniggrupp"}, CategoryCollaborative, false},
	{Term{"funktionsgrupp", "funktionsgrupp"}, CategoryCollaborative, false},
	{Term{"kundrad", "kundråd"}, CategoryCollaborative, false},
	{Term{"arbetsgrupp", "arbetsgrupp"}, CategoryCollaborative, false},
	{Term{"projektgrupp", "projektgrupp"}, CategoryCollaborative, false},
	{Term{"samverkansgrupp", "samverkansgrupp (t.ex. lokal samverkansgrupp)"}, CategoryCollaborative, false},
	{Term{"natverk", "nätverk, samverkansforum"}, CategoryCollaborative, false},
	{Term{"beredningsgrupp", "beredande grupp"}, CategoryCollaborative, false},
}

// OrganKindOf returns the organ kind with that value.
func OrganKindOf(value string) (OrganKind, bool) {
	for _, k := range OrganKinds {
		if k.Value == value {
			return k, true
		}
	}
	return OrganKind{}, false
}

// OrganisationKindOther is the kind of an organisation that is neither a region nor a
// kommun, or whose kind a source does not give (a Popolo file of a parliament).
const OrganisationKindOther = "other"

// Relation kinds: the directed relations a dataset may state between organs and posts.
const (
	RelReportsTo        = "reports_to"
	RelPreparesFor      = "prepares_for"
	RelAppoints         = "appoints"
	RelEstablishes      = "establishes"
	RelOversees         = "oversees"
	RelEscalatesTo      = "escalates_to"
	RelCollaboratesWith = "collaborates_with"
	RelDirects          = "directs"
	RelSupports         = "supports"
	RelMemberOf         = "member_of"
	RelConsults         = "consults"
	RelDissolves        = "dissolves"
	RelFollowsUp        = "follows_up"
	RelRepresents       = "represents"
)

// Vocabularies are the closed value lists of the dataset format, by the name the `enum` struct
// tags use. The JSON Schema and validation both read them from here.
var Vocabularies = map[string][]Term{
	"organisation_kind": {{"region", "region"}, {"kommun", "kommun"},
		{OrganisationKindOther, "annan huvudman (t.ex. ur importerade data där slaget inte anges)"}},
	"organ_kind": organKindTerms(),
	"organ_category": {
		{CategoryPolitical, "politiskt organ"}, {CategoryAdministrative, "förvaltningsorganisation"},
		{CategoryCollaborative, "grupp, råd, forum, nätverk"}, {CategoryCompany, "bolag"},
		{CategoryFoundation, "stiftelse"}, {CategoryFederation, "kommunalförbund"},
	},
	"post_kind": {
		{"chair", "ordförande"}, {"vice_chair", "vice ordförande"}, {"member", "ledamot, deltagare"},
		{"substitute", "ersättare"}, {"secretary", "sekreterare, sekreterarskap"},
		{"adjunct", "adjungerad"}, {"expert", "sakkunnig"}, {"contact", "kontaktperson"},
		{"convener", "sammankallande"}, {"director", "direktör, chef (regiondirektör, förvaltningschef, kommundirektör)"},
		{"officer", "tjänsteperson i en särskild funktion (t.ex. TIB, kanslichef)"},
	},
	"mandate_level": {
		{"original", "beslutanderätt enligt lag, reglemente eller arbetsordning"},
		{"delegated", "beslut enligt delegation"},
		{"koncernovergripande", "ordförande med tilldelat koncernövergripande mandat utifrån ordinarie funktion"},
		{"own_forvaltning", "mandat att besluta inom egen förvaltning"},
		{"group_assigned", "ordförande med tilldelat mandat kopplat till gruppen"},
		{"preparatory", "beredande, utan mandat att besluta"},
		{"directive", "direktivrätt"},
		{"instruction", "uppdrag och befogenheter enligt instruktion (KL 7 kap. 2 §)"},
	},
	"document_kind": {
		{"lag", "lag"}, {"reglemente", "reglemente"}, {"arbetsordning", "arbetsordning"},
		{"delegationsordning", "delegationsordning"}, {"instruktion", "instruktion"},
		{"uppdragshandling", "uppdragshandling"}, {"beslut", "beslut, protokollsutdrag"},
		{"rapport", "lägesrapport, rapport"}, {"riktlinje", "riktlinje, förteckning, beskrivning"},
		{"minnesanteckningar", "minnesanteckningar, protokoll"},
		{"tjansteskrivelse", "tjänsteskrivelse, beslutsförslag"}, {"avtal", "avtal, överenskommelse"},
	},
	"duty_period": {
		{PerMeeting, "inför eller efter varje sammanträde"}, {PerYear, "varje år"},
		{PerMandatePeriod, "minst en gång per mandatperiod"}, {PerOnce, "en gång, senast ett visst datum"},
		{PerContinuous, "kontinuerligt, fortlöpande"}, {PerOnEvent, "vid en händelse eller på begäran"},
		{PerUnspecified, "ingen frekvens anges"},
	},
	"duty_action": {
		{ActionFollowUp, "följa upp"}, {ActionEvaluate, "utvärdera"},
		{"send_notice", "skicka kallelse"}, {"send_minutes", "skicka ut minnesanteckningar"},
		{"decide_meeting_plan", "besluta om sammanträdesplan"}, {"hold_retreat", "hålla internat"},
		{"hold_theme_day", "hålla temadag"}, {"report_back", "återrapportera"},
		{"provide_basis", "ta fram underlag"}, {"initiate_dialog", "ta initiativ till dialog"},
		{"other", "annan skyldighet (se beskrivningen)"},
	},
	"meeting_kind": {
		{"ordinary", "ordinarie sammanträde"}, {"retreat", "internat"}, {"theme_day", "temadag"},
	},
	"meeting_status": {
		{"planned", "planerat"}, {"held", "genomfört"}, {"cancelled", "inställt"},
	},
	"condition_kind": {
		{CondRequiresReason, "endast vid särskilda skäl"},
		{CondRequiresApprovalOf, "efter överenskommelse med, godkännande av"},
		{CondAfterConsulting, "i samråd med, efter samråd med"},
		{CondAfterPositionOf, "efter ställningstagande i"},
		{CondOnRequestOf, "när någon påkallar det"},
		{CondOnEvent, "vid en händelse (extraordinär händelse, budgetavvikelse)"},
		{CondWhenNeeded, "vid behov"},
		{CondExceptionOnly, "undantag; huvudregeln är en annan"},
	},
	"mandate_status": {
		{MandateInForce, "gäller"}, {MandatePotential, "ska kunna bli beslutande (inte ännu)"},
		{MandatePlanned, "planerat"}, {MandateRepealed, "upphävt"},
	},
	"process_kind": {{"main", "huvudprocess"}, {"support", "stödjande process"}},
	"organ_tier": {
		{TierManagement, "ledningsnivå"}, {TierMainProcess, "ansvar inom en huvudprocess"},
		{TierSupportProcess, "ansvar för en stödjande process"},
	},
	"staff_function": {
		{"hr", "HR- och personalfrågor"}, {"it", "IT"}, {"kommunikation", "kommunikation"},
		{"uppsikt_internkontroll", "uppsikt och internkontroll"}, {"ekonomi_budget", "ekonomi och budget"},
		{"administration_juridik", "administration och juridik"}, {"sakerhet", "säkerhetsfrågor"},
		{"strategi_policy_mal_budget", "strategi- och policydokument, mål och budget"},
	},
	"relation_kind": {
		{RelReportsTo, "rapporterar till, ansvarar inför"},
		{RelPreparesFor, "bereder åt"},
		{RelAppoints, "tillsätter, utser, anställer"},
		{RelEstablishes, "inrättar"},
		{RelOversees, "har uppsikt över"},
		{RelEscalatesTo, "eskalerar till, lyfter frågor till"},
		{RelCollaboratesWith, "samverkar med"},
		{RelDirects, "leder, är chef över, ger direktiv till"},
		{RelSupports, "biträder, stödjer"},
		{RelMemberOf, "ingår i, utgör (t.ex. arbetsutskotten utgör den politiska styrgruppen)"},
		{RelConsults, "stämmer av med, samråder med"},
		{RelDissolves, "avvecklar"},
		{RelFollowsUp, "följer upp"},
		{RelRepresents, "företräder"},
	},
	"basis": {
		{BasisStated, "uttryckligen angivet i dokumentet (med citat)"},
		{BasisInferred, "slutsats av uttryckliga uppgifter (med resonemang)"},
		{BasisIllustrative, "illustrativt exempel, inte hämtat ur ett dokument"},
		{BasisGenerated, "genererade testdata (styrgraf generate), beskriver ingen verklig organisation"},
	},
	"assignment_status": {
		{StatusOpen, "pågår, inte återrapporterat"},
		{StatusReported, "återrapporterat"},
		{StatusUnknown, "okänt om det har återrapporterats"},
	},
	"coverage_kind": {
		{"holders", "innehavare av poster (vakanser)"},
		{"oversight", "uppsikt"},
		{"follow_ups", "genomförda uppföljningar"},
		{"staff_functions", "stabsfunktioner"},
	},
	"rule_kind": {
		{"meeting", "sammanträden: när, hur ofta, planering"},
		{"notice", "kallelse och föredragningslista"},
		{"minutes", "minnesanteckningar, protokoll"},
		{"composition", "sammansättning, ersättare, adjungering"},
		{"procedure", "arbetssätt, beslutsgång, ansvar"},
		{"resources", "finansiering, sekreterarskap, stödresurser"},
		{"reporting", "information, återkoppling, anmälan av beslut"},
	},
}

func organKindTerms() []Term {
	out := make([]Term, len(OrganKinds))
	for i, k := range OrganKinds {
		out[i] = k.Term
	}
	return out
}

// InVocabulary reports whether value belongs to the named vocabulary.
func InVocabulary(name, value string) bool {
	for _, t := range Vocabularies[name] {
		if t.Value == value {
			return true
		}
	}
	return false
}

// Swedish returns the Swedish term for a value of the named vocabulary, or the value itself
// when the vocabulary does not hold it (an open vocabulary's own values).
func Swedish(vocabulary, value string) string {
	for _, t := range Vocabularies[vocabulary] {
		if t.Value == value {
			return t.Swedish
		}
	}
	return value
}
