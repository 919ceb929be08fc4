// The article intake's dictionary (server/domain/intake/dictionary.ts), read once and cached: every entity's
// name and aliases with what tells entities of the same name apart, and articles' URLs, so that an article
// pasted a second time is recognised.
MATCH (e:Entity)
RETURN e.id AS id, e.kind AS kind, e.name AS name, coalesce(e.aliases, []) AS aliases,
       e.orgType AS orgType, e.level AS level, e.kreisType AS kreisType, e.url AS url
ORDER BY e.id
