/**
 * Thrown for configuration a person has to fix (a setting, Java, Neo4j or Redis out of reach); the commands
 * and the server print only its message. It sits at the bottom of the server so that every layer may throw it.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A connection URL with its password, if any, replaced by ***, for messages. */
export function withoutPassword(url: string): string {
  return url.replace(/(\/\/[^/@\s:]*:)[^@\s]*@/, '$1***@');
}
