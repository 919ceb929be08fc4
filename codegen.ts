import type { CodegenConfig } from '@graphql-codegen/cli';

/** Client types for the explorer, generated from the committed schema; a test fails when they are stale. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/operations.graphql', 'web/src/editing.graphql'],
  generates: {
    'web/src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        // Output fields are always there (null when empty); input fields the schema leaves nullable may be left out.
        avoidOptionals: { field: true, object: true, inputValue: false, defaultValue: false },
        scalars: { Date: 'string', ID: 'string' },
        useTypeImports: true,
      },
    },
  },
};
export default config;
