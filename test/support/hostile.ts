import { SaxesParser } from 'saxes';

/**
 * Text an attacker (or a careless paste) could put into a name, alias, description, quote or title:
 * markup and script, spreadsheet formulas, characters that break or bend files and screens.
 */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  attribute: '"><img src=x onerror=alert(1)>',
  hyperlink: '=HYPERLINK("http://evil","klick")',
  dde: "+cmd|' /C calc'!A0",
  at: '@SUM(1)',
  minus: '-2+3',
  tab: '\t=1+1',
  cr: '\r=1+1',
  lf: '\n=1+1',
  nul: '\u0000=1+1',
  quotes: `say "hi" and 'bye', a; b`,
  lines: 'line one\r\nline two\nline three',
  cdata: ']]><![CDATA[<x/>]]>',
  entities: '&amp; &lt;b&gt; &#x3C;script&#x3E;',
  rtl: 'abc\u202Eexe.txt\u202C',
  controls: 'a\u0001b\u0008c\u001Fd\uFFFEe\uFFFF',
  i18n: '{{name}} $t(app.title)',
} as const;

/** Characters an XML 1.0 file cannot hold at all: exports replace each with U+FFFD. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what the pattern is for.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/** What an XML export can keep of a text: all of it but what XML cannot hold. */
export const inXml = (text: string): string => text.replace(NOT_XML, '\uFFFD');

/** A cell that starts like a formula, by OWASP's list plus NUL (ASVS) and LF. */
export const looksLikeFormula = (cell: string): boolean => /^[=+\-@\t\r\n\0]/.test(cell);

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  /** The element's own text, entities resolved, as an XML reader sees it. */
  text: string;
}

/**
 * Reads an XML document with a strict, well-formedness-checking XML 1.0 parser (saxes) and lists its
 * elements in document order. Throws on anything a conforming reader would refuse.
 */
export function readXml(document: string): XmlElement[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  const errors: string[] = [];
  parser.on('error', (error) => errors.push(error.message));
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('closetag', () => void open.pop());
  const addText = (text: string) => {
    const current = open.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(document).close();
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join('; ')}`);
  return elements;
}
