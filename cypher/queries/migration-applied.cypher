MATCH (m:Migration)
RETURN m.name AS name, m.checksum AS checksum
