// Applied once for every relation type of the vocabulary (server/domain/vocabulary.ts),
// so that adding a type there is all it takes. {{TYPE}} is the type, {{name}} its lower-case form.
CREATE CONSTRAINT rel_{{name}}_id IF NOT EXISTS FOR ()-[r:{{TYPE}}]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX rel_{{name}}_from IF NOT EXISTS FOR ()-[r:{{TYPE}}]-() ON (r.validFromStart);
CREATE INDEX rel_{{name}}_to IF NOT EXISTS FOR ()-[r:{{TYPE}}]-() ON (r.validToEnd);
