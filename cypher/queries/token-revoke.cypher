// Revoking is recorded, not deleted: who revoked which token when stays known.
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, datetime()), t.revokedBy = coalesce(t.revokedBy, $by)
RETURN t.id AS id
