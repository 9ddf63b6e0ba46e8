/**
 * Notes on the whole article (a summary, an assessment, how reliable the source is): kept in
 * the article's notes file beside the passage notes, in their own list (`articleNotes`), and
 * saved through the note store's one save path, so the note count, the change events and the
 * file's durability are the same for both kinds. Kept out of noteStore.ts, whose passage notes
 * have anchors, re-anchoring and colours that none of this needs.
 */
import { randomUUID } from 'node:crypto'
import { ServiceError } from '../../shared/api/dispatch'
import { hostMessage } from '../../shared/domain/hostMessages'
import type { AnyNote, ArticleNote } from '../../shared/domain/note'
import type { NoteField, StoreChange } from './changeEvents'
import type { JsonDocument } from './jsonDocument'
import type { NotesFile } from './schema'

/** How the note store lets this part open and save a notes file (its private `document` and `save`). */
export interface NotesFileAccess {
  open(articleId: string): Promise<JsonDocument<NotesFile>>
  save<R>(
    articleId: string,
    document: JsonDocument<NotesFile>,
    change: (file: NotesFile) => R,
    told: (result: R) => StoreChange[]
  ): Promise<R>
  now(): Date
}

export class ArticleNotes {
  constructor(private readonly files: NotesFileAccess) {}

  /** Oldest first: the summary written on first reading stays at the top. */
  async list(articleId: string): Promise<ArticleNote[]> {
    const document = await this.files.open(articleId)
    return document.data.articleNotes
      .map((note) => ({ ...note, tagIds: [...note.tagIds] }))
      .sort((a, b) => compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id))
  }

  /** One note, as a copy; undefined when it is not there. */
  async find(articleId: string, noteId: string): Promise<ArticleNote | undefined> {
    const note = (await this.files.open(articleId)).data.articleNotes.find((candidate) => candidate.id === noteId)
    return note ? { ...note, tagIds: [...note.tagIds] } : undefined
  }

  async create(articleId: string, text: string): Promise<ArticleNote> {
    const at = this.files.now().toISOString()
    const note: ArticleNote = {
      kind: 'article',
      id: randomUUID(),
      articleId,
      text,
      tagIds: [],
      createdAt: at,
      updatedAt: at
    }
    const document = await this.files.open(articleId)
    await this.files.save(
      articleId,
      document,
      (file) => {
        file.articleNotes.push(note)
      },
      () => [{ kind: 'note-created', articleId, noteId: note.id }]
    )
    return { ...note, tagIds: [] }
  }

  async update(articleId: string, noteId: string, changes: { text: string }): Promise<ArticleNote> {
    return this.change(articleId, noteId, (note) => {
      note.text = changes.text
    })
  }

  /** Tag ids must have been checked by the caller, inside the critical section for tag references. */
  async setTags(articleId: string, noteId: string, tagIds: readonly string[]): Promise<ArticleNote> {
    return this.change(articleId, noteId, (note) => {
      note.tagIds = [...new Set(tagIds)]
    })
  }

  async delete(articleId: string, noteId: string): Promise<void> {
    const document = await this.files.open(articleId)
    if (!document.data.articleNotes.some((note) => note.id === noteId)) {
      throw new ServiceError('not-found', 'That note no longer exists.', hostMessage('note.gone'))
    }
    await this.files.save(
      articleId,
      document,
      (file) => {
        file.articleNotes = file.articleNotes.filter((note) => note.id !== noteId)
      },
      () => [{ kind: 'note-deleted', articleId, noteId }]
    )
  }

  /** Puts back a note exactly as it was, to undo its deletion. */
  async restore(note: ArticleNote): Promise<ArticleNote> {
    const document = await this.files.open(note.articleId)
    const file = document.data
    if ([...file.articleNotes, ...file.notes].some((candidate) => candidate.id === note.id)) {
      throw new ServiceError('invalid-input', 'That note is already there.', hostMessage('note.alreadyThere'))
    }
    const restored: ArticleNote = { ...note, kind: 'article', tagIds: [...note.tagIds] }
    await this.files.save(
      note.articleId,
      document,
      (stored) => {
        stored.articleNotes.push(restored)
      },
      () => [{ kind: 'note-created', articleId: note.articleId, noteId: note.id }]
    )
    return { ...restored, tagIds: [...restored.tagIds] }
  }

  private async change(articleId: string, noteId: string, apply: (note: ArticleNote) => void): Promise<ArticleNote> {
    const document = await this.files.open(articleId)
    if (!document.data.articleNotes.some((note) => note.id === noteId)) {
      throw new ServiceError('not-found', 'That note no longer exists.', hostMessage('note.gone'))
    }
    const updatedAt = this.files.now().toISOString()
    const told: StoreChange[] = []
    return this.files.save(
      articleId,
      document,
      (file) => {
        const note = file.articleNotes.find((candidate) => candidate.id === noteId)!
        const before = { ...note, tagIds: [...note.tagIds] }
        apply(note)
        note.updatedAt = updatedAt
        told.push(...articleNoteChanged(before, note))
        return { ...note, tagIds: [...note.tagIds] }
      },
      () => told
    )
  }
}

/** The `note-changed` event for an article note saved as `after`; none when neither text nor tags changed. */
export function articleNoteChanged(before: ArticleNote, after: ArticleNote): StoreChange[] {
  const fields: NoteField[] = []
  if (before.text !== after.text) fields.push('text')
  if (before.tagIds.join('\u0000') !== after.tagIds.join('\u0000')) fields.push('tags')
  return fields.length === 0 ? [] : [{ kind: 'note-changed', articleId: after.articleId, noteId: after.id, fields }]
}

/** Both kinds of note of a file, as the stored objects (changes made to them are changes to the file). */
export function allNotesOf(file: NotesFile): AnyNote[] {
  return [...file.notes, ...file.articleNotes]
}

/** What the library counts for an article: its notes of both kinds. */
export function noteCountOf(file: NotesFile): number {
  return file.notes.length + file.articleNotes.length
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
