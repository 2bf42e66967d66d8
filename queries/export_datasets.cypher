// Export, step 1: the datasets that declare an organisation or an organ belonging to it
// (primary or spanned), i.e. what an export of that organisation holds.
// Index: organisation_id (the organisation), then its BELONGS_TO relationships.
// Parameters: $organisation (string). Columns: dataset (one row per dataset, sorted).
MATCH (org:Organisation {id: $organisation})
OPTIONAL MATCH (o:Organ)-[:BELONGS_TO]->(org)
WITH org, collect(o.dataset) AS organs
UNWIND [org.dataset] + organs AS dataset
WITH DISTINCT dataset
RETURN dataset
ORDER BY dataset
