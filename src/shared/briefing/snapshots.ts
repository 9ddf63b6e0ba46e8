/**
 * The copies a briefing keeps of what it cites, refreshed at every composition, so a note or
 * an article deleted for good later is still cited as the briefing last showed it. Every
 * copy is a fresh object: the briefing must never alias the library's notes.
 */
import type { Note } from '../domain/note'
import type { ArticleInfo } from './articleSources'
import type { BriefingEntry } from './composeEntries'
import type { NoteSnapshot, SourceSnapshot } from './spec'

/** Where a kept note's quote starts in its source; null where unknown. */
export interface NotePlace {
  paragraph: number | null
  page: number | null
}

/** Items and snapshots get their own copy: the document must not alias the library's notes. */
export function cloneAnchor(anchor: Note['anchor']): Note['anchor'] {
  return { quote: { ...anchor.quote }, position: { ...anchor.position } }
}

/**
 * A copy of every kept note (as of `today` for a live one), plus the snapshots of deleted
 * notes left out by hand, so taking one back in still works; and a copy of each article
 * those notes come from, where the library (or an earlier copy) still knows it.
 */
export function collectSnapshots(
  kept: readonly BriefingEntry[],
  candidates: readonly BriefingEntry[],
  placeOf: (noteId: string) => NotePlace,
  articles: Map<string, ArticleInfo>,
  today: string
): { snapshots: Record<string, NoteSnapshot>; sourceSnapshots: Record<string, SourceSnapshot> } {
  const snapshots: Record<string, NoteSnapshot> = {}
  for (const entry of kept) snapshots[entry.noteId] = snapshotOf(entry, placeOf(entry.noteId), today)
  // A deleted note left out by hand keeps its snapshot, so taking it back in still works.
  for (const entry of candidates)
    if (entry.snapshot && !snapshots[entry.noteId]) snapshots[entry.noteId] = entry.snapshot
  const sourceSnapshots: Record<string, SourceSnapshot> = {}
  for (const snapshot of Object.values(snapshots)) {
    const source = articles.get(snapshot.articleId)?.source
    if (source) sourceSnapshots[snapshot.articleId] = source
  }
  return { snapshots, sourceSnapshots }
}

/** A live note's copy is as of today; a copy standing in for a deleted note keeps its day. */
function snapshotOf(entry: BriefingEntry, { paragraph, page }: NotePlace, today: string): NoteSnapshot {
  const asOf = entry.snapshot ? entry.snapshot.asOf : today
  return {
    ...(entry.kind === 'article' ? { kind: 'article' as const } : {}),
    articleId: entry.articleId,
    anchor: cloneAnchor(entry.anchor),
    ...(entry.highlighted ? { highlighted: cloneAnchor(entry.highlighted) } : {}),
    ...(entry.anchorStatus ? { anchorStatus: { ...entry.anchorStatus } } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    text: entry.text,
    tagIds: [...entry.tagIds],
    tags: entry.tags.map((tag) => ({ ...tag })),
    color: entry.color,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    paragraph,
    ...(page !== null ? { page } : {})
  }
}
