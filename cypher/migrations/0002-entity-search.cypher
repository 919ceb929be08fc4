// Names and aliases are stored folded (see server/domain/fold.ts), so the
// analyser only splits words and must not drop any as stop words.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (e:Entity) ON EACH [e.searchName, e.searchAliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
