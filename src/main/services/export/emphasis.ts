/**
 * Note text carries exactly two pieces of formatting, `**strong**` and `*em*`; everything
 * else is literal. Splitting it here, once, lets each exporter escape the plain runs for its
 * own format and emit its own markup for the two kinds, so no user character is ever passed
 * through as markup and the formats agree on what is emphasised.
 */

export interface TextRun {
  kind: 'text' | 'strong' | 'em'
  text: string
}

// A marker must hug its text on both sides (`* 3 *` is arithmetic, not emphasis) and the runs
// do not nest or cross lines, which keeps the rule predictable for the person typing.
const EMPHASIS = /\*\*(?=[^*\s])([^*\n]*?[^*\s])\*\*|\*(?=[^*\s])([^*\n]*?[^*\s])\*/g

/** Splits one line of note text into plain, strong and emphasised runs. */
export function splitEmphasis(line: string): TextRun[] {
  const runs: TextRun[] = []
  let last = 0
  for (const match of line.matchAll(EMPHASIS)) {
    const start = match.index
    if (start > last) runs.push({ kind: 'text', text: line.slice(last, start) })
    runs.push(match[1] !== undefined ? { kind: 'strong', text: match[1] } : { kind: 'em', text: match[2] ?? '' })
    last = start + match[0].length
  }
  if (last < line.length) runs.push({ kind: 'text', text: line.slice(last) })
  return runs
}

/**
 * User text as paragraphs of lines: a blank line separates paragraphs (as in the article a
 * multi-paragraph quote came from), a single newline is a line break the writer meant.
 * Trailing spaces and tabs go, since no format can show them faithfully.
 */
export function paragraphsOf(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/[ \t]+$/, ''))
        .filter((line) => line.trim() !== '')
    )
    .filter((lines) => lines.length > 0)
}
