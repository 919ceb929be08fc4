MERGE (m:Migration {name: $name})
ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()
RETURN m.checksum AS checksum
