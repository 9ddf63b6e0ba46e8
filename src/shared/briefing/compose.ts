/**
 * Turns a stored briefing and the library into the one `BriefingDocument` every exporter
 * renders, so Markdown, HTML, DOCX, PDF and JSON-LD agree on which notes appear, where,
 * in which order and with which citation number. Pure: the service gathers the notes,
 * articles and tags and says which paragraph an offset falls in; nothing here reads a file.
 *
 * This module runs the steps in order; each lives in its own: entries (composeEntries.ts),
 * the filter (noteFilter.ts), sections (grouping.ts), order (entryOrder.ts), the sources
 * list (articleSources.ts), the briefing's copies (snapshots.ts) and quotes (trimQuote.ts).
 *
 * Notes deleted for good (themselves or with their article) are composed from the
 * briefing's snapshots, so an export keeps citing what the briefing showed before, and
 * each says so. Notes that need review (moved or orphaned by an edit) are left out unless
 * the briefing asks for them, and then each is marked.
 */
import type { ArticleMeta } from '../domain/article'
import type { AnyNote } from '../domain/note'
import { anchorStateOf } from '../notes/anchorState'
import type { Tag } from '../tags/tags'
import { articleInfo, numberSources } from './articleSources'
import { effectiveColor, gatherEntries, type BriefingEntry } from './composeEntries'
import type { BriefingDocument, BriefingItem, BriefingItemSnapshot, BriefingSection } from './document'
import { compareDocumentOrder, itemOrder } from './entryOrder'
import { groupEntries } from './grouping'
import { noteFilter } from './noteFilter'
import { cloneAnchor, collectSnapshots, type NotePlace } from './snapshots'
import type { Briefing, BriefingCandidate, ComposedBriefing, NoteSnapshot, SourceSnapshot } from './spec'
import { trimQuote } from './trimQuote'

export { trimQuote }

/**
 * What the composer needs from the library. `notes` must hold every note of the articles
 * the filter names and of the articles the snapshots point into: a snapshot stands in for
 * any note missing from it, so a note left out here would be taken for deleted.
 */
export interface BriefingLibrary {
  /** Both kinds: a note on the whole article is printed as its source's introduction. */
  notes: readonly AnyNote[]
  /** Every article, trashed ones included: a trashed article is still cited normally. */
  articles: readonly ArticleMeta[]
  tags: readonly Tag[]
  /** 1-based paragraph (article block) holding the offset, or null when unknown. */
  paragraphOf(articleId: string, offset: number): number | null
  /**
   * 1-based page of the source (a PDF) on which the block holding the offset starts, or null
   * when the article has no pages. Absent: no article has pages.
   */
  pageOf?(articleId: string, offset: number): number | null
}

/** The composition plus the snapshots the service stores back into the briefing. */
export interface ComposedWithSnapshots extends ComposedBriefing {
  snapshots: Record<string, NoteSnapshot>
  sourceSnapshots: Record<string, SourceSnapshot>
}

const LABELS = {
  fr: { untagged: 'Sans étiquette', deletedArticle: 'Article supprimé' },
  en: { untagged: 'Untagged', deletedArticle: 'Deleted article' }
}

function labelsFor(language: string) {
  return language.toLowerCase().startsWith('fr') ? LABELS.fr : LABELS.en
}

export function composeBriefing(briefing: Briefing, library: BriefingLibrary, now: Date): ComposedBriefing {
  const { document, candidates } = composeBriefingWithSnapshots(briefing, library, now)
  return { document, candidates }
}

export function composeBriefingWithSnapshots(
  briefing: Briefing,
  library: BriefingLibrary,
  now: Date
): ComposedWithSnapshots {
  const labels = labelsFor(briefing.language)
  const articles = articleInfo(briefing, library.articles)
  const entries = gatherEntries(briefing, library.notes, library.tags)
  const documentOrder = (a: BriefingEntry, b: BriefingEntry) => compareDocumentOrder(articles, a, b)

  const matches = noteFilter(briefing, library.tags)
  const included = new Set(briefing.includedNoteIds)
  const excluded = new Set(briefing.excludedNoteIds)
  const candidates = entries
    .map((entry) => ({ entry, matched: matches(entry), included: included.has(entry.noteId) }))
    .filter((candidate) => candidate.matched || candidate.included)
    .sort((a, b) => documentOrder(a.entry, b.entry))
  // Kept: every candidate not left out by hand, snapshotted whether or not the document cites
  // it, so a note needing review can still be taken in after its article is deleted.
  const kept = candidates.filter((candidate) => !excluded.has(candidate.entry.noteId)).map(({ entry }) => entry)
  const cited = kept.filter((entry) => entry.review === null || briefing.includeNotesNeedingReview)
  const places = placesOf(kept, library)
  const placeOf = (noteId: string): NotePlace => places.get(noteId) ?? { paragraph: null, page: null }

  const liveArticles = new Set(library.articles.map((meta) => meta.id))
  const snapshotLabel = (entry: BriefingEntry): BriefingItemSnapshot | null =>
    entry.snapshot && {
      asOf: entry.snapshot.asOf ?? entry.snapshot.updatedAt.slice(0, 10),
      deleted: liveArticles.has(entry.articleId) ? 'note' : 'article'
    }

  const groups = groupEntries(briefing, library.tags, entries, cited, articles, labels.untagged)
  const order = itemOrder(briefing, documentOrder)
  for (const group of groups) group.entries.sort(order)

  const printed = groups.flatMap((group) => group.entries)
  const { sources, sourceNumbers } = numberSources(printed, articles, labels.deletedArticle)

  const sections: BriefingSection[] = groups.map((group) => ({
    key: group.key,
    heading: group.heading,
    level: group.level,
    intro: briefing.sections[group.key]?.intro ?? '',
    items: group.entries.map((entry): BriefingItem => ({
      ...(entry.kind === 'article' ? { kind: 'article' as const } : {}),
      noteId: entry.noteId,
      quote: trimQuote(entry.quote, briefing.quoteLimit),
      noteText: entry.text,
      tags: entry.tags.map(({ path, color }) => ({ path, color })),
      color: effectiveColor(entry),
      sourceNumber: sourceNumbers.get(entry.articleId)!,
      ...placeOf(entry.noteId),
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      anchor: cloneAnchor(entry.quoteSelectors),
      review: entry.review,
      snapshot: snapshotLabel(entry)
    }))
  }))

  const document: BriefingDocument = {
    id: briefing.id,
    frontMatter: { ...briefing.frontMatter },
    language: briefing.language,
    sections,
    sources,
    showTags: briefing.showTags,
    generatedAt: now.toISOString()
  }

  const today = now.toISOString().slice(0, 10)
  const { snapshots, sourceSnapshots } = collectSnapshots(
    kept,
    candidates.map(({ entry }) => entry),
    placeOf,
    articles,
    today
  )

  return {
    document,
    candidates: candidates.map(({ entry, matched, included: byHand }) => ({
      ...(entry.kind === 'article' ? { kind: 'article' as const } : {}),
      noteId: entry.noteId,
      articleId: entry.articleId,
      articleTitle: articles.get(entry.articleId)?.source.title ?? labels.deletedArticle,
      quote: entry.quote,
      anchorState: entry.snapshot ? 'snapshot' : anchorStateOf(entry),
      review: entry.review,
      noteText: entry.text,
      tags: entry.tags.map(({ path, color }) => ({ path, color })),
      color: effectiveColor(entry),
      createdAt: entry.createdAt,
      matched,
      included: byHand,
      excluded: excluded.has(entry.noteId),
      fromSnapshot: entry.snapshot !== null
    })) satisfies BriefingCandidate[],
    snapshots,
    sourceSnapshots
  }
}

/**
 * Where each kept note's quote starts: a snapshot keeps the place it recorded; an orphaned
 * note has none, since the text it quoted is gone.
 */
function placesOf(kept: readonly BriefingEntry[], library: BriefingLibrary): Map<string, NotePlace> {
  const places = new Map<string, NotePlace>()
  for (const entry of kept) {
    if (entry.kind === 'article') {
      // It cites no passage: no paragraph, no page.
      places.set(entry.noteId, { paragraph: null, page: null })
      continue
    }
    if (entry.snapshot) {
      places.set(entry.noteId, { paragraph: entry.snapshot.paragraph, page: entry.snapshot.page ?? null })
      continue
    }
    const orphaned = anchorStateOf(entry) === 'orphaned'
    const at = (locate: (articleId: string, offset: number) => number | null) =>
      orphaned ? null : locate(entry.articleId, entry.anchor.position.start)
    places.set(entry.noteId, { paragraph: at(library.paragraphOf), page: at(library.pageOf ?? (() => null)) })
  }
  return places
}
