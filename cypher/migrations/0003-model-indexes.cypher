// Lookups the model needs: regions by AGS, sources by date, events by time.
CREATE INDEX region_ags IF NOT EXISTS FOR (r:Region) ON (r.ags);
CREATE INDEX region_level IF NOT EXISTS FOR (r:Region) ON (r.level);
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.publishedOn);
CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.dateStart);
