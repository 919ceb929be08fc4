/**
 * Names, quotes and titles go into XML files (GraphML, SVG) as text. The XML
 * writers escape markup (`<`, `&`, quotes), but two things they pass through
 * would still change or break the file:
 *
 * - XML 1.0 cannot hold NUL, the other C0 control characters except tab, LF
 *   and CR, U+FFFE, U+FFFF or a lone surrogate, not even as a character
 *   reference: one of them makes the whole file unreadable to Gephi, yEd or a
 *   browser. Each becomes U+FFFD, the replacement character.
 * - A reader turns every CR into LF; written as `&#13;` it stays a CR.
 *
 * Markup never contains these characters, so the whole serialised document
 * can be mended at once, attributes included.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are exactly what must go.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

export function xmlSafe(serialized: string): string {
  return serialized.replace(NOT_XML, '\uFFFD').replace(/\r/g, '&#13;');
}
