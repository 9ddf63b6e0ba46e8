/**
 * The composer's working unit: a live note, or a briefing's snapshot standing in for a note
 * deleted for good, with its tags resolved and what it quotes decided. Every later step
 * (filtering, grouping, ordering, citing) reads entries, so none of them has to ask whether
 * a note is live or a copy. A note on the whole article is an entry too (`kind: 'article'`):
 * it quotes nothing, never needs review, and carries the placeholder anchor at the start of
 * its article, so document order puts it before the article's quotes.
 */
import { isArticleNote, type AnyNote, type Note } from '../domain/note'
import { anchorStateOf, currentQuote, highlightedQuote, highlightedSelectors } from '../notes/anchorState'
import { effectiveNoteColor } from '../notes/effectiveColor'
import { ARTICLE_NOTE_ANCHOR } from '../notes/workspace'
import type { Tag } from '../tags/tags'
import type { BriefingReview } from './document'
import type { Briefing, NoteSnapshot, SnapshotTag } from './spec'

/** A note or a snapshot standing in for one, with its tags resolved. */
export interface BriefingEntry {
  /** Set for a note on the whole article (or its snapshot). */
  kind?: 'article'
  noteId: string
  articleId: string
  /** Where the note sits now; for an orphaned note, where it last sat (for ordering only). */
  anchor: Note['anchor']
  highlighted: Note['highlighted']
  anchorStatus: Note['anchorStatus']
  /** What the briefing quotes: the current text, or for an orphaned note the words highlighted. */
  quote: string
  /** The selectors of `quote`. */
  quoteSelectors: Note['anchor']
  review: BriefingReview
  text: string
  tagIds: string[]
  tags: SnapshotTag[]
  /** The note's own colour. */
  color: string | null
  createdAt: string
  updatedAt: string
  snapshot: NoteSnapshot | null
}

/** Live notes first; a snapshot only for a note the library no longer has. */
export function gatherEntries(briefing: Briefing, notes: readonly AnyNote[], tags: readonly Tag[]): BriefingEntry[] {
  const tagsById = new Map(tags.map((tag) => [tag.id, tag]))
  const entries: BriefingEntry[] = notes.map((note) => ({
    ...(isArticleNote(note) ? { kind: 'article' as const } : {}),
    noteId: note.id,
    articleId: note.articleId,
    ...(isArticleNote(note) ? wholeArticle() : anchoring(note)),
    text: note.text,
    tagIds: note.tagIds,
    tags: note.tagIds.flatMap((id) => {
      const tag = tagsById.get(id)
      return tag ? [{ id, path: tag.path, color: tag.color }] : []
    }),
    color: isArticleNote(note) ? null : note.color,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    snapshot: null
  }))
  const live = new Set(entries.map((entry) => entry.noteId))
  for (const [noteId, snapshot] of Object.entries(briefing.snapshots)) {
    if (live.has(noteId)) continue
    // A tag that still exists is printed as it is named now; a deleted one as it was.
    const snapshotTags = snapshot.tagIds.flatMap((id): SnapshotTag[] => {
      const tag = tagsById.get(id)
      if (tag) return [{ id, path: tag.path, color: tag.color }]
      const stored = snapshot.tags.find((candidate) => candidate.id === id)
      return stored ? [stored] : []
    })
    entries.push({
      ...(snapshot.kind === 'article' ? { kind: 'article' as const } : {}),
      noteId,
      articleId: snapshot.articleId,
      ...(snapshot.kind === 'article' ? wholeArticle() : anchoring(snapshot)),
      text: snapshot.text,
      tagIds: snapshot.tagIds,
      tags: snapshotTags,
      color: snapshot.color,
      createdAt: snapshot.createdAt,
      updatedAt: snapshot.updatedAt,
      snapshot
    })
  }
  return entries
}

/** What a note (or its snapshot) quotes and whether it needs review, by the one rule in notes/anchorState. */
function anchoring(
  note: Pick<Note, 'anchor' | 'highlighted' | 'anchorStatus'>
): Pick<BriefingEntry, 'anchor' | 'highlighted' | 'anchorStatus' | 'quote' | 'quoteSelectors' | 'review'> {
  const state = anchorStateOf(note)
  const current = currentQuote(note)
  return {
    anchor: note.anchor,
    highlighted: note.highlighted,
    anchorStatus: note.anchorStatus,
    quote: current ?? highlightedQuote(note),
    quoteSelectors: current === null ? highlightedSelectors(note) : note.anchor,
    review: state === 'anchored' ? null : state
  }
}

/** A note on the whole article quotes nothing and is never out of place. */
function wholeArticle(): Pick<
  BriefingEntry,
  'anchor' | 'highlighted' | 'anchorStatus' | 'quote' | 'quoteSelectors' | 'review'
> {
  const placeholder = () => ({ quote: { ...ARTICLE_NOTE_ANCHOR.quote }, position: { ...ARTICLE_NOTE_ANCHOR.position } })
  return {
    anchor: placeholder(),
    highlighted: undefined,
    anchorStatus: undefined,
    quote: '',
    quoteSelectors: placeholder(),
    review: null
  }
}

/**
 * The colour the highlight shows in the reader. `entry.tagIds` is the note's (or the
 * snapshot's) own order; a tag resolves through `entry.tags`, so a deleted tag a snapshot
 * still prints keeps its stored colour, and one it lost is skipped.
 */
export function effectiveColor(entry: BriefingEntry): string | null {
  return effectiveNoteColor(entry, (id) => entry.tags.find((tag) => tag.id === id)?.color)
}
