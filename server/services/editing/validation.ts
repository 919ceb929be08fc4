import type { z } from 'zod';
import type { Problem } from '../../../shared/integrity.js';
import { BadInputError } from '../errors.js';

export type { Problem };

/** A zod path the way a person reads it: citations[0].article. */
function pathOf(parts: ReadonlyArray<PropertyKey>): string {
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

const describe = (problem: Problem): string => (problem.path ? `${problem.path} ${problem.message}` : problem.message);

/** The parsed value, or the problems, each with its path under `prefix`. */
export function check<T>(
  schema: z.ZodType<T>,
  candidate: unknown,
  prefix = '',
  rename: (path: string) => string = (path) => path,
): { value: T; problems: [] } | { value: null; problems: Problem[] } {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { value: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => {
    const path = rename(pathOf(issue.path));
    return { path: prefix && path ? `${prefix}.${path}` : prefix || path, message: issue.message };
  });
  return { value: null, problems };
}

/** Refuses the input with every problem in one message; nothing has been changed. */
export function refuse(what: string, problems: readonly Problem[]): never {
  const lines = problems.map(describe);
  throw new BadInputError(`${what}: ${lines.join('; ')}.`, {
    argument: problems[0]?.path.split(/[.[]/)[0] || 'input',
    problems: lines,
  });
}

/** The parsed value, or BAD_USER_INPUT naming every problem. */
export function validated<T>(schema: z.ZodType<T>, candidate: unknown, what: string): T {
  const result = check(schema, candidate);
  if (result.value === null) refuse(`The ${what} is not valid`, result.problems);
  return result.value;
}
