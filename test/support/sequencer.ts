import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each slow test file took in a whole `npm test` on two cores (its own time, without imports; the mean of
 * two runs). A fresh clone has no timings of its own; without these, the longest file could start last and run
 * alone at the end.
 */
const MEASURED_SECONDS: Readonly<Record<string, number>> = {
  'test/integration/lifecycle.int.test.ts': 125,
  'test/integration/bench-parity.int.test.ts': 84,
  'test/e2e/editing.e2e.test.ts': 68,
  'test/integration/hostile-fuzz.int.test.ts': 66,
  'test/integration/supervision.int.test.ts': 54,
  'test/e2e/explorer.e2e.test.ts': 48,
  'test/integration/backup.int.test.ts': 44,
  'test/integration/transfer.int.test.ts': 34,
  'test/e2e/canvas.e2e.test.ts': 30,
  'test/integration/editors.int.test.ts': 29,
  'test/e2e/questions.e2e.test.ts': 25,
  'test/integration/hostile-input.int.test.ts': 23,
  'test/e2e/big-graph.e2e.test.ts': 22,
  'test/integration/faults.int.test.ts': 18,
  'test/e2e/keyboard.e2e.test.ts': 18,
};

/**
 * Longest first, over all tiers at once, so the two workers finish together: by the last run's timings where
 * Vitest keeps them (node_modules/.vite), else by MEASURED_SECONDS; files known to neither go last, larger first.
 */
export class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification): number => {
      const file = path.relative(root, spec.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${file}`);
      return cached ? cached.duration / 1000 : (MEASURED_SECONDS[file] ?? 0);
    };
    const size = (spec: TestSpecification) =>
      this.ctx.cache.getFileStats(`${spec.project.name}:${path.relative(root, spec.moduleId)}`)?.size ?? 0;
    return [...files].sort((a, b) => seconds(b) - seconds(a) || size(b) - size(a));
  }
}
