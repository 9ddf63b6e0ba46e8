/**
 * The orders a briefing can put its notes in: as in the article (articles in import order,
 * then each note's place in its article), by date noted, or the analyst's own. Every other
 * order falls back on the article order, so two compositions of the same briefing always
 * agree.
 */
import { compareNotePositions } from '../notes/noteOrder'
import type { ArticleInfo } from './articleSources'
import type { BriefingEntry } from './composeEntries'
import type { Briefing } from './spec'

type EntryOrder = (a: BriefingEntry, b: BriefingEntry) => number

export function compareDocumentOrder(articles: Map<string, ArticleInfo>, a: BriefingEntry, b: BriefingEntry): number {
  const rankA = articles.get(a.articleId)?.rank ?? Number.MAX_SAFE_INTEGER
  const rankB = articles.get(b.articleId)?.rank ?? Number.MAX_SAFE_INTEGER
  return (
    rankA - rankB ||
    compareStrings(a.articleId, b.articleId) ||
    compareNotePositions(a, b) ||
    // Notes on the whole article all sit at its start: the first written comes first.
    (a.kind === 'article' && b.kind === 'article' ? compareStrings(a.createdAt, b.createdAt) : 0) ||
    compareStrings(a.noteId, b.noteId)
  )
}

/** The order the briefing asks for within each section. */
export function itemOrder(briefing: Briefing, documentOrder: EntryOrder): EntryOrder {
  switch (briefing.order) {
    case 'document':
      return documentOrder
    case 'date':
      return (a, b) => compareStrings(a.createdAt, b.createdAt) || documentOrder(a, b)
    case 'manual': {
      const position = new Map(briefing.manualOrder.map((noteId, index) => [noteId, index]))
      const at = (entry: BriefingEntry) => position.get(entry.noteId) ?? Number.MAX_SAFE_INTEGER
      return (a, b) => at(a) - at(b) || documentOrder(a, b)
    }
  }
}

/** By code unit, not locale: ids and ISO dates sort the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
