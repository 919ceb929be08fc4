import { loadSeed } from '../services/seed/load.js';
import { runCommand } from './run.js';

/** npm run seed: adds whatever of the seed graph is missing; a second run adds nothing. */
runCommand(async (db) => {
  const added = await loadSeed(db);
  return `Seed loaded: ${added.entities} entities, ${added.relations} relations and ${added.mentions} mentions added.`;
});
