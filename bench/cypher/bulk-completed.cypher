// Marks a bulk load as finished, so that running it again does not generate the graph again to check.
MERGE (m:BulkLoad {seed: $seed, entities: $entities, relations: $relations})
ON CREATE SET m.at = datetime()
RETURN m.at AS at
