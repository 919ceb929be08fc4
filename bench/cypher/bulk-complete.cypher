// Whether a bulk load of this seed and size finished earlier (it leaves a marker when it does).
RETURN EXISTS { MATCH (m:BulkLoad {seed: $seed, entities: $entities, relations: $relations}) } AS complete
