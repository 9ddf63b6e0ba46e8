/**
 * What each store change means for the search index: the mapping from change events
 * (changeEvents.ts) to the articles whose documents or notes must be re-indexed is here and
 * nowhere else, and `searchService.ts` applies it. Re-indexing reads the stores' current
 * state, so naming an article that did not change only costs a comparison.
 */
import type { ArticleMeta } from '../../../shared/domain/article'
import type { AnyNote } from '../../../shared/domain/note'
import type { StoreChange } from '../changeEvents'
import { isArticleNote } from '../../../shared/domain/note'

/** What is waiting to be re-indexed. */
export interface PendingChanges {
  /** Articles whose own document (metadata, text) may have changed. */
  docs: Set<string>
  /** Articles whose notes may have changed. */
  notes: Set<string>
  /** Tag paths may have changed. */
  tags: boolean
  /** Articles may have left the library for good. */
  removed: boolean
}

/** Note fields the index holds: the quote (in the anchor), the comment and the tags' paths; colours are read live. */
const INDEXED_NOTE_FIELDS = new Set(['text', 'tags', 'anchor'])

/** What a store change means for the index, added to `pending`; false when nothing. */
export function noteChange(change: StoreChange, pending: PendingChanges): boolean {
  switch (change.kind) {
    case 'article-added':
    case 'article-meta-changed':
    case 'article-body-changed':
      // The notes an edit moved arrive as their own `note-changed`.
      pending.docs.add(change.articleId)
      return true
    case 'articles-deleted':
      pending.removed = true
      return true
    case 'note-created':
    case 'note-deleted':
      pending.notes.add(change.articleId)
      return true
    case 'note-changed':
      if (!change.fields.some((field) => INDEXED_NOTE_FIELDS.has(field))) return false
      pending.notes.add(change.articleId)
      return true
    case 'tags-changed':
      // Notes a merge or a delete took a tag off arrive as their own `note-changed`.
      if (change.renamed.length + change.deleted.length + change.created.length === 0) return false
      pending.tags = true
      return true
    case 'article-trashed':
    case 'article-restored':
      // Trashed articles stay indexed and are filtered when searching.
      return false
    case 'pinned-tags-changed':
      return false
  }
}

/** What an article's indexed document depends on besides its text (whose version editedAt/importedAt gives). */
export function articleSig(meta: ArticleMeta): number {
  return hash53([meta.title, meta.outlet ?? '', meta.author ?? '', meta.editedAt ?? meta.importedAt].join('\u0000'))
}

/** What a note's indexed document depends on. */
export function noteSig(note: AnyNote, tagPaths: readonly string[]): number {
  return hash53(
    [
      isArticleNote(note) ? '' : note.anchor.quote.exact,
      note.text,
      note.tagIds.join(','),
      tagPaths.join('\u0001')
    ].join('\u0000')
  )
}

/** cyrb53: a fast 53-bit string hash, enough to tell whether a document changed since it was indexed. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
