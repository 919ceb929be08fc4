/**
 * The matches of a global regular expression in text[from, to), with `index`
 * into the whole text. The search never runs past `to`: scanning a sentence
 * costs the sentence, not the rest of the article.
 */
export function scan(re: RegExp, text: string, from = 0, to = text.length): RegExpExecArray[] {
  const part = text.slice(from, to);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    if (m[0] === '') re.lastIndex += 1;
    m.index += from;
    out.push(m);
  }
  return out;
}

/** Whether `span` overlaps one of `spans`, which are sorted by start and do not overlap each other. */
export function overlapsAny(
  spans: ReadonlyArray<{ start: number; end: number }>,
  span: { start: number; end: number },
): boolean {
  let lo = 0;
  let hi = spans.length;
  // The first span that ends after `span` starts; it overlaps if it also starts before `span` ends.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.end ?? 0) <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = spans[lo];
  return candidate !== undefined && candidate.start < span.end;
}
