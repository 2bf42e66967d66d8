// Organisation exists: whether an organisation id is known, so that questions can tell an
// unknown organisation (404) from one with an empty answer. Index: organisation_id.
// Parameters: $id (string). Columns: id.
MATCH (o:Organisation {id: $id})
RETURN o.id AS id
