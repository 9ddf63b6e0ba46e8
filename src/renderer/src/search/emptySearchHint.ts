/**
 * What to tell someone whose search found nothing: the likeliest reason depends on what they
 * typed (a filter that matches no tag or title, too many words that must all match, or one word
 * spelled otherwise in the text), so the empty state teaches the remedy for that case only.
 */

/**
 * The `tag:` and `article:` filters as the search service reads them (src/main/services/search/terms.ts,
 * which the renderer cannot import): a filter starts a word and runs to the next space, or is quoted.
 */
const FILTER = /(?<!\S)(?:tag|article):(?:"[^"]*"?|\S*)/giu

export type EmptySearchHint =
  { kind: 'withFilters'; filters: string[] } | { kind: 'severalWords' } | { kind: 'oneWord' }

export function emptySearchHint(query: string): EmptySearchHint {
  const filters = [...query.matchAll(FILTER)].map((match) => match[0]).filter((filter) => !filter.endsWith(':'))
  if (filters.length > 0) return { kind: 'withFilters', filters }
  const words = query.replace(FILTER, ' ').split(/\s+/u).filter(Boolean)
  return words.length > 1 ? { kind: 'severalWords' } : { kind: 'oneWord' }
}
