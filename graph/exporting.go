package graph

import (
	"context"
	"strings"
)

// DatasetReader reads what the graph holds back into datasets: the read side of an export.
// Writers of other formats (Popolo, W3C ORG) are pure functions of the datasets it returns.
type DatasetReader interface {
	ReadDatasets(ctx context.Context, q ExportQuery) ([]Dataset, error)
}

// ExportQuery says what to export: the datasets that declare an organisation or any organ
// belonging to it, with the datasets they refer to (so that the export imports into an
// empty database), or (Organisation empty) every dataset. Datasets are the unit because they
// are what an import replaces: an export re-imports as the same datasets.
type ExportQuery struct {
	Organisation string
}

// Validate trims the organisation.
func (q *ExportQuery) Validate() error {
	q.Organisation = strings.TrimSpace(q.Organisation)
	return nil
}
