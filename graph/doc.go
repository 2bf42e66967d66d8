// Package graph holds styrgraf's domain: the governance graph of Swedish regions and
// municipalities (organs, seats, people, mandates and the relations between them) and the
// errors every other package speaks. It knows nothing of HTTP or of the database driver;
// package dataset reads the YAML files, package neo4jdb stores the graph in Neo4j.
//
// # Glossary
//
// Swedish governance terms are kept as domain vocabulary (in kinds and enum values);
// everything else is named in English. Swedish term → where it lives in the model:
//
//	region, kommun (huvudman)             Organisation, kind region | kommun (other: an imported
//	                                      huvudman whose kind the source does not give)
//	fullmäktige, styrelse, nämnd, utskott Organ, kind fullmaktige | styrelse | namnd | utskott
//	gemensam nämnd, krisledningsnämnd     Organ, kind gemensam_namnd | krisledningsnamnd
//	förvaltning, regionkontor, avdelning  Organ, kind forvaltning | avdelning (category administrative)
//	bolag, stiftelse, kommunalförbund     Organ, kind bolag | stiftelse | kommunalforbund
//	avtalssamverkan, gemensam verksamhet  Organ, kind gemensam_verksamhet, spans several organisations
//	grupp, råd, forum, nätverk            Organ of a collaborative kind (chefsgrupp, strategisk_grupp,
//	                                      koncernledning, samordningsrad, kundrad, funktionsgrupp, …)
//	ordförande, ledamot, ersättare, …     Post, kind chair | member | substitute | secretary |
//	                                      adjunct | expert | contact | convener | director | officer
//	ex officio ("ordförande är           Post.ExOfficio: the post is held by whoever holds another
//	regiondirektören")
//	innehavare av en post                 Holding (Person HOLDS Post, dated)
//	beslutsmandat                         Mandate (holder organ or post, scope, level, topics)
//	delegation                            Mandate.DelegatedFrom (DELEGATED_FROM)
//	uppdrag                               Assignment (given by, given to, report back to, due or
//	                                      due_window, status open | reported | unknown)
//	skyldighet med tidsfrist: uppföljning, Duty (action follow_up | evaluate | send_notice |
//	utvärdering, kallelse, minnes-        send_minutes | decide_meeting_plan | hold_retreat |
//	anteckningar, sammanträdesplan,       hold_theme_day | …; per meeting | year | mandate_period |
//	internat, temadag                     once | continuous | on_event | unspecified; deadline
//	                                      offset_days from a meeting or day_of_year --MM-DD;
//	                                      triggers "när KRF påkallar det")
//	fullgjord skyldighet                  DutyRecord (a follow-up made, a kallelse sent)
//	sammanträde                           Meeting (organ, date, planned | held | cancelled)
//	årshjul                               the calendar question: every dated obligation of a year
//	villkor: särskilda skäl, efter        Condition on a relation, seat, mandate or duty (kind
//	överenskommelse med, i samråd med,    requires_reason | requires_approval_of | after_consulting
//	efter ställningstagande i, vid behov, | after_position_of | on_request_of | on_event |
//	undantag                              when_needed | exception_only)
//	ska kunna bli beslutande              Mandate.Status potential
//	huvudprocess, stödjande process       Process (kind main | support, owner)
//	ledningsnivå / huvudprocess- /        Organ.Tier management | main_process | support_process;
//	stödprocessgrupp                      ReportingRule: whom a tier reports to, checked on import
//	stabsfunktion                         StaffFunction (förvaltning, function: an open slug,
//	                                      name, FTE); StaffProfile: the functions a kind of
//	                                      förvaltning is expected to have (a gap is one expected
//	                                      and absent)
//	arbetsordning, reglemente, beslut, §  Document (kind, diarienummer, paragraph); Source cites it
//	kallelse, minnesanteckningar, …       Rule (working rules an organ's documents lay down)
//	uppsikt (KL 6 kap. 1 §)               relation oversees (OVERSEES)
//	bereda                                relation prepares_for (PREPARES_FOR)
//	rapportera till, ansvara inför        relation reports_to (REPORTS_TO)
//	tillsätta, utse, anställa             relation appoints (APPOINTS)
//	inrätta                               relation establishes (ESTABLISHES)
//	eskalera, lyfta till                  relation escalates_to (ESCALATES_TO)
//	leda, vara chef över, ge direktiv     relation directs (DIRECTS)
//	biträda, stödja                       relation supports (SUPPORTS)
//	ingå i, utgöra                        relation member_of (MEMBER_OF); Organ.PartOf (PART_OF)
//	organiseras under (strategisk grupp   Organ.PartOf (PART_OF) too: subtrees and diagrams
//	under CGH)                            follow it
//	stämma av, samråda                    relation consults (CONSULTS)
//	avveckla                              relation dissolves (DISSOLVES)
//	följa upp (kundråd)                   relation follows_up (FOLLOWS_UP)
//	företräda                             relation represents (REPRESENTS)
//	samverka                              relation collaborates_with (COLLABORATES_WITH)
//	mandatperiod                          four years; fullmäktige's from 15 October of the election
//	                                      year (2022, 2026, …), nämnder's usually from 1 January after
//
//	uttryckligen angivet / slutsats /     Source.Basis stated (with a verbatim Quote) | inferred
//	illustrativt exempel                  (with Reasoning) | illustrative
//	genererade testdata                   generated (styrgraf generate; no real organisation)
//	okänt, inte registrerat               outside a Coverage declaration: no finding can be made
//
// Every item and relation may carry validity dates (valid_from, valid_to, inclusive) so that
// questions can be asked as of a date, and a Source: a document and section with the basis
// the dataset asserts it on, or "illustrative" for example data no document states. Anything
// that refers to an illustrative item is at most illustrative itself.
//
// A dataset declares its Coverage: what it records completely (seat holders, uppsikt,
// follow-ups, stabsfunktioner), for which organisation or organ and period. Inside a
// declared coverage an absence is a finding (vacant, no uppsikt, missing follow-up); outside
// it the answer is okänt.
package graph
