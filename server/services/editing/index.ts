import type { Database } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import type { EntityRecord } from '../../db/records.js';
import { IntakeService } from '../intake/apply.js';
import type { ChangeRecord, Publish } from './batch.js';
import { EntityEditing } from './entities.js';
import { type MergeRequest, mergeEntities } from './merge.js';
import { RelationEditing } from './relations.js';
import { revertBatch, toChange } from './revert.js';

export type { ChangeRecord, GraphChange, Publish } from './batch.js';

/** The recorded changes: reading them, and reverting a batch. */
export class ChangeLog {
  constructor(
    private readonly db: Database,
    private readonly publish: Publish,
  ) {}

  async of(target: string, limit = 50): Promise<ChangeRecord[]> {
    return (await this.db.read(Q['changes-of'], { target, limit })).map(toChange);
  }

  async recent(limit = 50): Promise<ChangeRecord[]> {
    return (await this.db.read(Q['changes-recent'], { limit })).map(toChange);
  }

  revert(changeId: string, by: string): Promise<ChangeRecord[]> {
    return revertBatch(this.db, this.publish, changeId, by);
  }
}

/** Everything editors do to the graph; each mutation one transaction, one recorded batch, one announcement. */
export class Editing {
  readonly entities: EntityEditing;
  readonly relations: RelationEditing;
  readonly changes: ChangeLog;
  readonly intake: IntakeService;

  constructor(
    private readonly db: Database,
    private readonly publish: Publish,
    options: { readonly fourEyes: boolean },
  ) {
    this.entities = new EntityEditing(db, publish);
    this.relations = new RelationEditing(db, publish);
    this.changes = new ChangeLog(db, publish);
    this.intake = new IntakeService(db, publish, options.fourEyes);
  }

  merge(request: MergeRequest, by: string): Promise<EntityRecord> {
    return mergeEntities(this.db, this.publish, request, by);
  }
}
