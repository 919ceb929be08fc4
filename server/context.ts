import DataLoader from 'dataloader';
import type { Database } from './db/database.js';
import { GraphService } from './domain/graph.js';
import type { EntityRecord, RelationRecord } from './domain/records.js';

export interface Loaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  readonly relation: DataLoader<string, RelationRecord | null>;
  readonly mentionedIn: DataLoader<string, EntityRecord[]>;
  readonly eventPlaces: DataLoader<string, EntityRecord[]>;
}

/** Per request: the graph service and fresh DataLoaders, so each id is read once per request. */
export interface Context {
  readonly graph: GraphService;
  readonly loaders: Loaders;
}

export function createContext(db: Database): Context {
  const graph = new GraphService(db);
  const entity = new DataLoader<string, EntityRecord | null>((ids) => graph.entitiesByIds(ids));
  return {
    graph,
    loaders: {
      entity,
      relation: new DataLoader((ids) => graph.relationsByIds(ids)),
      mentionedIn: new DataLoader(async (ids) => {
        const lists = await graph.mentionedIn(ids);
        for (const list of lists) for (const article of list) entity.prime(article.id, article);
        return lists;
      }),
      eventPlaces: new DataLoader((ids) => graph.eventPlaces(ids)),
    },
  };
}
