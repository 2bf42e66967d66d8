package graph

// Headline is an organisation's governance figures in brief, for an overview (the web start
// page): its organs, and the findings vacant seats, missing follow-ups this year and organs
// outside uppsikt. graph/governance computes them.
type Headline struct {
	Organs, SeatsVacant, MissingFollowUps, OutsideUppsikt int
}
