import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

describe('web/src/generated/graphql.ts', () => {
  it('is what GraphQL Code Generator makes of schema.graphql and the operations (run `npm run codegen`)', async () => {
    const outputs = (await generate({ ...config, silent: true }, false)) as Array<{
      filename: string;
      content: string;
    }>;
    const generated = outputs.find((o) => o.filename.endsWith('web/src/generated/graphql.ts'));
    const committed = readFileSync(new URL('../../web/src/generated/graphql.ts', import.meta.url), 'utf8');
    expect(generated?.content).toBe(committed);
  });
});
