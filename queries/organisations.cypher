// Organisations: every organisation (region, kommun) valid on a date.
// Index: none needed — there are few organisations (290 kommuner and 21 regioner in Sweden);
// this scans the Organisation label by design.
// Parameters: $at (date).
// Columns: id, name, kind.
MATCH (o:Organisation)
WHERE (o.valid_from IS NULL OR o.valid_from <= $at) AND (o.valid_to IS NULL OR o.valid_to >= $at)
RETURN o.id AS id, o.name AS name, o.kind AS kind
ORDER BY name, id
