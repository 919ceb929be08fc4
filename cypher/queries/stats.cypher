CALL () {
  MATCH (e:Entity)
  WITH e.kind AS kind, count(*) AS n
  ORDER BY kind
  RETURN collect({kind: kind, count: n}) AS kinds
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WHERE type(r) <> 'MENTIONS'
  WITH type(r) AS type, count(*) AS n
  ORDER BY type
  RETURN collect({type: type, count: n}) AS relationTypes
}
CALL () {
  MATCH (r:Region)
  WITH r.level AS level, count(*) AS n
  ORDER BY level
  RETURN collect({level: level, count: n}) AS regionLevels
}
CALL () {
  MATCH (a:Article)
  RETURN max(a.publishedOn) AS newestArticleDate
}
RETURN kinds, relationTypes, regionLevels, newestArticleDate
