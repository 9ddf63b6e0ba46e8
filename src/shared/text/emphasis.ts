/**
 * Markdown-style emphasis in what analysts write in their notes: **strong** and *emphasis*
 * (or _emphasis_). Parsed into runs, never into HTML, so a note can never inject markup.
 */
export interface EmphasisRun {
  text: string
  strong?: boolean
  em?: boolean
}

const EMPHASIS = /\*\*(?=\S)([^*]*?\S)\*\*|\*(?=\S)([^*]*?\S)\*|(?<![\p{L}\p{N}])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu

export function parseEmphasis(text: string): EmphasisRun[] {
  const runs: EmphasisRun[] = []
  let last = 0
  for (const match of text.matchAll(EMPHASIS)) {
    const index = match.index ?? 0
    if (index > last) runs.push({ text: text.slice(last, index) })
    if (match[1] !== undefined) runs.push({ text: match[1], strong: true })
    else runs.push({ text: match[2] ?? match[3] ?? '', em: true })
    last = index + match[0].length
  }
  if (last < text.length) runs.push({ text: text.slice(last) })
  return runs
}
