/**
 * What each API call changes in the search index: the mapping from API methods to the
 * articles whose documents or notes must be re-indexed is here and nowhere else, and
 * `searchService.ts`'s `afterCall` applies it. Re-indexing reads the stores' current state,
 * so naming an article that did not change only costs a comparison.
 */
import type { ApiInput, ApiOutput } from '../../../shared/api/contract'
import type { ApiMethod } from '../../../shared/api/methods'
import type { ArticleMeta } from '../../../shared/domain/article'
import type { Note } from '../../../shared/domain/note'

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

/**
 * One successful API call with its input and output typed by the contract for its method:
 * a union discriminated by `method`, so a `switch` on it narrows both without casts.
 */
export type CompletedCall = {
  [M in ApiMethod]: { method: M; input: ApiInput<M>; output: ApiOutput<M> }
}[ApiMethod]

/**
 * Types a call as the contract does. `dossier.ts` follows every handler generically, so it
 * hands over `unknown`; but it calls this only after the handler of `method` succeeded,
 * with the input the contract validated and the output the handler returned.
 */
export function completedCall(method: ApiMethod, input: unknown, output: unknown): CompletedCall {
  return { method, input, output } as CompletedCall
}

/** What an API call changed that the index must follow, added to `pending`; false when nothing. */
export function noteChanges(call: CompletedCall, pending: PendingChanges): boolean {
  const notesOf = (refs: readonly { articleId: string }[]) => {
    for (const ref of refs) pending.notes.add(ref.articleId)
  }
  switch (call.method) {
    case 'importFile':
    case 'importPaste':
      if (!call.output.ok) return false
      pending.docs.add(call.output.article.id)
      return true
    case 'updateArticleMeta':
      pending.docs.add(call.input.articleId)
      return true
    case 'updateArticleBody':
    case 'replaceArticleText':
      pending.docs.add(call.input.articleId)
      pending.notes.add(call.input.articleId)
      return true
    case 'emptyTrash':
      pending.removed = true
      return true
    case 'createNote':
    case 'updateNote':
    case 'setNoteTags':
    case 'reattachNote':
    case 'deleteNote':
      pending.notes.add(call.input.articleId)
      return true
    case 'restoreNote':
      pending.notes.add(call.input.note.articleId)
      return true
    case 'bulkUpdateNotes':
      notesOf(call.input.notes)
      return true
    case 'restoreNoteFields':
      notesOf(call.input.fields)
      return true
    case 'deleteTag':
      notesOf(call.output.tagged)
      pending.tags = true
      return true
    case 'restoreTag':
      notesOf(call.input.tagged)
      pending.tags = true
      return true
    case 'mergeTags':
      notesOf(call.output.changes.notes)
      pending.tags = true
      return true
    case 'undoMergeTags':
      notesOf(call.input.changes.notes)
      pending.tags = true
      return true
    case 'createTag':
    case 'renameTag':
      pending.tags = true
      return true
    default:
      // Reads, colours (never indexed: hits read them live) and trash moves (filtered when searching).
      return false
  }
}

/** What an article's indexed document depends on besides its text (whose version editedAt/importedAt gives). */
export function articleSig(meta: ArticleMeta): number {
  return hash53([meta.title, meta.outlet ?? '', meta.author ?? '', meta.editedAt ?? meta.importedAt].join('\u0000'))
}

/** What a note's indexed document depends on. */
export function noteSig(note: Note, tagPaths: readonly string[]): number {
  return hash53([note.anchor.quote.exact, note.text, note.tagIds.join(','), tagPaths.join('\u0001')].join('\u0000'))
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
