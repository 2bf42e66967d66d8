package graph

// SeatsReport answers "who sits where, and where does nobody?" for one organisation as of a date: vacant seats,
// ex officio seats whose source seat is vacant, organs without a chair, and people who hold
// many seats. A seat is a Post of an organ that belongs to the organisation (as its huvudman
// or as one of the organisations a joint organ spans); post, organ and every relationship
// involved must be valid on the date.
type SeatsReport struct {
	Organisation    Ref                 `json:"organisation"`
	Vacant          []VacantSeat        `json:"vacant"`            // seats not held ex officio that nobody holds
	ExOfficioVacant []ExOfficioVacancy  `json:"ex_officio_vacant"` // ex officio seats whose source seat nobody holds
	WithoutChair    []OrganWithoutChair `json:"without_chair"`     // organs with no chair post, or whose chair nobody holds
	ManySeats       []SeatHolder        `json:"many_seats"`        // people holding at least the asked number of seats
	// HoldersNotRecorded are seats nobody is recorded in where the dataset does not declare
	// its holders complete: okänt, not vacant. Vacant, ExOfficioVacant and the unheld chairs
	// of WithoutChair hold only findings, inside declared holders coverage.
	HoldersNotRecorded []SeatRef `json:"holders_not_recorded"`
}

// SeatRef is a post seen as a seat of an organ (without its holders; see Seat).
type SeatRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Kind  string `json:"kind"` // post kind: chair, member, director…
	Organ Ref    `json:"organ"`
}

// VacantSeat is a seat nobody holds. MaxHolders is how many may hold it at once (0: no
// limit), so that an empty open-ended seat (ersättare, adjungerad) can be told from an empty
// single seat.
type VacantSeat struct {
	SeatRef
	MaxHolders int `json:"max_holders"`
}

// ExOfficioVacancy is a seat held ex officio whose source seat (the post at the end of its
// ex officio chain, followed at most three steps) nobody holds.
type ExOfficioVacancy struct {
	SeatRef
	Source SeatRef `json:"source"`
}

// OrganWithoutChair is an organ with no chair post (ChairPosts empty) or whose chair posts
// nobody holds, directly or ex officio. OrganKind is the organ's kind (nämnd, chefsgrupp…).
type OrganWithoutChair struct {
	Organ      Ref       `json:"organ"`
	OrganKind  string    `json:"organ_kind"`
	ChairPosts []SeatRef `json:"chair_posts,omitempty"`
}

// SeatHolder is a person and the seats they hold.
type SeatHolder struct {
	Person Ref        `json:"person"`
	Seats  []HeldSeat `json:"seats"`
}

// HeldSeat is a seat a person holds; Via is set for a seat held ex officio and names the
// post the person holds directly that carries it.
type HeldSeat struct {
	SeatRef
	Via *SeatRef `json:"via,omitempty"`
}
