/**
 * Where a source's address may be a link: http and https only. Anything else a database could hold
 * (`javascript:`, `data:`, `vbscript:`, a relative path) stays text, so a click can never run or open it.
 * The address is read by the browser's own URL parser, which also sees through tricks like leading
 * spaces or a tab inside "java\tscript:", and the link goes to the address as that parser read it.
 */
export function webAddress(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}
