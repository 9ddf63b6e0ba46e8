/**
 * Notes, one file per article, opened on first use. Saving a note rewrites only its
 * article's notes file, never an article body; the library is rewritten only when the
 * article's note count changes (the listener below keeps that count in the library).
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { describeRange } from '../../shared/anchoring'
import type { TextRange } from '../../shared/anchoring/selectors'
import { ServiceError } from '../../shared/api/dispatch'
import { hostMessage } from '../../shared/domain/hostMessages'
import { isArticleNote, type AnyNote, type ArticleNote, type Note } from '../../shared/domain/note'
import { compareNotePositions } from '../../shared/notes/noteOrder'
import { carryNoteThroughEdit, planEdit, reanchorNoteInNewText } from '../../shared/notes/placement'
import { allNotesOf, ArticleNotes, articleNoteChanged, noteCountOf } from './articleNotes'
import { ChangeEvents, type NoteField, type StoreChange } from './changeEvents'
import { JsonDocument, type JsonDocumentOptions } from './jsonDocument'
import { dataLayout, emptyNotes, type NotesFile } from './schema'

/**
 * Told an article's note count each time one of its notes files is opened (`opened`) and
 * after every save of it (`saved`): the library keeps the counts, so that listing the
 * library opens no notes file. A save waits for what the listener returns.
 */
export type NoteCountListener = (articleId: string, count: number, when: 'opened' | 'saved') => void | Promise<void>

export class NoteStore {
  private readonly documents = new Map<string, Promise<JsonDocument<NotesFile>>>()
  /** The same documents once open, for what must be answered without waiting (`loadedCount`). */
  private readonly opened = new Map<string, JsonDocument<NotesFile>>()

  constructor(
    private readonly dataDir: string,
    private readonly documentOptions: JsonDocumentOptions,
    private readonly now: () => Date,
    private readonly onCount: NoteCountListener = () => {},
    /** Told each note created, changed or deleted once its file is on disk (changeEvents.ts). */
    private readonly events: ChangeEvents = new ChangeEvents()
  ) {
    this.articleNotes = new ArticleNotes({
      open: (articleId) => this.document(articleId),
      save: (articleId, document, change, told) => this.save(articleId, document, change, told),
      now: () => this.now()
    })
  }

  /** Notes on the whole article, in the same files and saved the same way (articleNotes.ts). */
  readonly articleNotes: ArticleNotes

  private document(articleId: string): Promise<JsonDocument<NotesFile>> {
    let document = this.documents.get(articleId)
    if (!document) {
      const opening = JsonDocument.open(
        dataLayout.notes(this.dataDir, articleId),
        emptyNotes(articleId),
        this.documentOptions
      ).then((opened) => {
        // Not if the article's notes were deleted while the file was being read.
        if (this.documents.get(articleId) === opening) {
          this.opened.set(articleId, opened)
          void this.onCount(articleId, noteCountOf(opened.data), 'opened')
        }
        return opened
      })
      document = opening
      // A failed open must not be cached: the next call should try the disk again.
      document.catch(() => this.documents.delete(articleId))
      this.documents.set(articleId, document)
    }
    return document
  }

  /**
   * Every save of a notes file goes through here, so that whatever adds or removes notes
   * (one, a bulk change, an undo) keeps the count in the library: the listener hears the
   * count after each save, and the save resolves once the listener is done. `told` says
   * what the save changed, emitted once the file is on disk (never for a failed save).
   */
  private async save<R>(
    articleId: string,
    document: JsonDocument<NotesFile>,
    change: (file: NotesFile) => R,
    told: (result: R) => StoreChange[]
  ): Promise<R> {
    const result = await document.update(change)
    for (const event of told(result)) this.events.emit(event)
    await this.onCount(articleId, noteCountOf(document.data), 'saved')
    return result
  }

  /** How many notes (of both kinds) an article has, if its notes file is already open; never reads the disk. */
  loadedCount(articleId: string): number | undefined {
    const file = this.opened.get(articleId)?.data
    return file && noteCountOf(file)
  }

  /** Notes in document order, so lists read like the article. */
  async list(articleId: string): Promise<Note[]> {
    const document = await this.document(articleId)
    return [...document.data.notes].sort(compareNotePositions)
  }

  /** A note of either kind, as a copy: what library-wide tag changes and bulk edits look up. */
  async findAny(articleId: string, noteId: string): Promise<AnyNote | undefined> {
    return (await this.find(articleId, noteId)) ?? this.articleNotes.find(articleId, noteId)
  }

  /** One note, as a copy; undefined when it is not there. */
  async find(articleId: string, noteId: string): Promise<Note | undefined> {
    const note = (await this.document(articleId)).data.notes.find((candidate) => candidate.id === noteId)
    return note ? structuredClone(note) : undefined
  }

  /**
   * Changes several notes of one article in a single save (bulk edits, tag operations): one
   * write of that notes file however many notes change. Notes not there are skipped; the
   * changed ones are returned as copies. `stamp: false` leaves `updatedAt` alone, for
   * library-wide tag changes that are not edits of the note. Notes on the whole article are
   * changed alike: tag operations reach both kinds.
   */
  async changeMany(
    articleId: string,
    changes: ReadonlyMap<string, (note: AnyNote) => void>,
    { stamp = true }: { stamp?: boolean } = {}
  ): Promise<AnyNote[]> {
    const document = await this.document(articleId)
    if (!allNotesOf(document.data).some((note) => changes.has(note.id))) return []
    const updatedAt = this.now().toISOString()
    const told: StoreChange[] = []
    return this.save(
      articleId,
      document,
      (file) =>
        allNotesOf(file).flatMap((note) => {
          const apply = changes.get(note.id)
          if (!apply) return []
          const before = structuredClone(note)
          apply(note)
          if (stamp) note.updatedAt = updatedAt
          told.push(...noteChanged(before, note))
          return [structuredClone(note)]
        }),
      () => told
    )
  }

  async count(articleId: string): Promise<number> {
    return noteCountOf((await this.document(articleId)).data)
  }

  async create(
    articleId: string,
    articleText: string,
    range: TextRange,
    expectedQuote: string,
    color: string | null = null
  ): Promise<Note> {
    const anchor = this.describeChecked(articleText, range, expectedQuote)
    const at = this.now().toISOString()
    const note: Note = {
      id: randomUUID(),
      articleId,
      anchor,
      text: '',
      tagIds: [],
      color,
      createdAt: at,
      updatedAt: at
    }
    const document = await this.document(articleId)
    await this.save(
      articleId,
      document,
      (file) => {
        file.notes.push(note)
      },
      () => [{ kind: 'note-created', articleId, noteId: note.id }]
    )
    // A copy: the stored record changes later (re-anchoring) and callers must not see it move under them.
    return structuredClone(note)
  }

  /**
   * Carries every note of an article through an edit made in Dossier: each follows its own
   * characters through the diff of the two texts (shared/notes/placement.ts). No note is
   * ever dropped; the file is written only when some note changed.
   */
  async carryThroughEdit(articleId: string, oldText: string, newText: string): Promise<Note[]> {
    const hunks = planEdit(oldText, newText)
    const checkedAt = this.now().toISOString()
    return this.replaceAll(articleId, (note) => carryNoteThroughEdit(note, oldText, newText, hunks, checkedAt))
  }

  /** Places every note of an article in text that came from outside Dossier, by quote and context. */
  async reanchorInNewText(articleId: string, newText: string): Promise<Note[]> {
    const checkedAt = this.now().toISOString()
    return this.replaceAll(articleId, (note) => reanchorNoteInNewText(note, newText, checkedAt))
  }

  private async replaceAll(articleId: string, place: (note: Note) => Note): Promise<Note[]> {
    const document = await this.document(articleId)
    const placed = document.data.notes.map(place)
    if (placed.some((note, index) => note !== document.data.notes[index])) {
      const told: StoreChange[] = []
      await this.save(
        articleId,
        document,
        (file) => {
          const byId = new Map(placed.map((note) => [note.id, note]))
          // Only where each note sits comes from the placement: its tags, text and colour may
          // have changed while it was computed (a tag deleted meanwhile must stay off it).
          file.notes = file.notes.map((note) => {
            const moved = byId.get(note.id)
            if (!moved) return note
            const next = withPlacementOf(moved, note)
            told.push(...noteChanged(note, next))
            return next
          })
        },
        () => told
      )
    }
    return this.list(articleId)
  }

  /** Points a note at a new passage, the way a highlight is first made: the range must say what the user saw. */
  async reattach(
    articleId: string,
    noteId: string,
    articleText: string,
    range: TextRange,
    expectedQuote: string
  ): Promise<Note> {
    const anchor = this.describeChecked(articleText, range, expectedQuote)
    return this.change(articleId, noteId, (note) => {
      // A new highlight of the same note: what it covers now is what the user highlighted.
      note.anchor = anchor
      delete note.highlighted
      delete note.anchorStatus
    })
  }

  async setColor(articleId: string, noteId: string, color: string | null): Promise<Note> {
    return this.change(articleId, noteId, (note) => {
      note.color = color
    })
  }

  /** Every note's tag ids (both kinds) over the given articles, keyed by note id (ids are unique library-wide). */
  async tagIdsByNote(articleIds: readonly string[]): Promise<Map<string, { articleId: string; tagIds: string[] }>> {
    const byNote = new Map<string, { articleId: string; tagIds: string[] }>()
    for (const articleId of articleIds) {
      for (const note of allNotesOf((await this.document(articleId)).data))
        byNote.set(note.id, { articleId, tagIds: [...note.tagIds] })
    }
    return byNote
  }

  async setTags(articleId: string, noteId: string, tagIds: readonly string[]): Promise<Note> {
    return this.change(articleId, noteId, (note) => {
      note.tagIds = [...new Set(tagIds)]
    })
  }

  async update(articleId: string, noteId: string, changes: { text: string }): Promise<Note> {
    return this.change(articleId, noteId, (note) => {
      note.text = changes.text
    })
  }

  private describeChecked(articleText: string, range: TextRange, expectedQuote: string) {
    if (range.end > articleText.length) {
      throw new ServiceError(
        'invalid-input',
        'The selection reaches past the end of the article.',
        hostMessage('note.pastEnd')
      )
    }
    const anchor = describeRange(articleText, range)
    if (anchor.quote.exact !== expectedQuote) {
      throw new ServiceError(
        'invalid-input',
        'The selected text no longer matches the stored article; reopen the article and select again.',
        hostMessage('note.quoteChanged')
      )
    }
    return anchor
  }

  private async change(articleId: string, noteId: string, apply: (note: Note) => void): Promise<Note> {
    const document = await this.document(articleId)
    if (!document.data.notes.some((note) => note.id === noteId)) {
      throw new ServiceError('not-found', 'That note no longer exists.', hostMessage('note.gone'))
    }
    const updatedAt = this.now().toISOString()
    const told: StoreChange[] = []
    return this.save(
      articleId,
      document,
      (file) => {
        const note = file.notes.find((candidate) => candidate.id === noteId)!
        const before = structuredClone(note)
        apply(note)
        note.updatedAt = updatedAt
        told.push(...noteChanged(before, note))
        return { ...note }
      },
      () => told
    )
  }

  /** Each tagged note's tag ids (both kinds), over the given articles: enough to count notes per tag and per parent. */
  async tagUsage(articleIds: readonly string[]): Promise<string[][]> {
    const lists: string[][] = []
    for (const articleId of articleIds) {
      for (const note of allNotesOf((await this.document(articleId)).data))
        if (note.tagIds.length > 0) lists.push(note.tagIds)
    }
    return lists
  }

  /** Puts back a note exactly as it was, to undo its deletion. */
  async restore(note: Note): Promise<Note> {
    const document = await this.document(note.articleId)
    if (document.data.notes.some((candidate) => candidate.id === note.id)) {
      throw new ServiceError('invalid-input', 'That note is already there.', hostMessage('note.alreadyThere'))
    }
    await this.save(
      note.articleId,
      document,
      (file) => {
        file.notes.push({ ...note })
      },
      () => [{ kind: 'note-created', articleId: note.articleId, noteId: note.id }]
    )
    return note
  }

  /**
   * Forgets an article's notes for good, with their backups: only when its article leaves the
   * trash. Emits nothing: the article store's `articles-deleted` already says they are gone.
   */
  async deleteAllFor(articleId: string): Promise<void> {
    this.documents.delete(articleId)
    this.opened.delete(articleId)
    const file = dataLayout.notes(this.dataDir, articleId)
    await fs.rm(file, { force: true })
    const backups = path.join(path.dirname(file), '.backups')
    const entries = await fs.readdir(backups).catch(() => [] as string[])
    await Promise.all(
      entries
        .filter((entry) => entry.startsWith(`${articleId}.`))
        .map((entry) => fs.rm(path.join(backups, entry), { force: true }))
    )
  }

  async delete(articleId: string, noteId: string): Promise<void> {
    const document = await this.document(articleId)
    if (!document.data.notes.some((note) => note.id === noteId)) {
      throw new ServiceError('not-found', 'That note no longer exists.', hostMessage('note.gone'))
    }
    await this.save(
      articleId,
      document,
      (file) => {
        file.notes = file.notes.filter((note) => note.id !== noteId)
      },
      () => [{ kind: 'note-deleted', articleId, noteId }]
    )
  }
}

/**
 * The `note-changed` event for a note saved as `after` that was `before`; none when nothing
 * a reader of notes sees changed (a save that only stamps `updatedAt`).
 */
function noteChanged(before: AnyNote, after: AnyNote): StoreChange[] {
  if (isArticleNote(after)) return articleNoteChanged(before as ArticleNote, after)
  const fields: NoteField[] = []
  if (before.text !== after.text) fields.push('text')
  if (before.tagIds.join('\u0000') !== after.tagIds.join('\u0000')) fields.push('tags')
  const placement = (note: Note) => JSON.stringify([note.anchor, note.highlighted, note.anchorStatus])
  if (placement(before as Note) !== placement(after)) fields.push('anchor')
  if ((before as Note).color !== after.color) fields.push('color')
  return fields.length === 0 ? [] : [{ kind: 'note-changed', articleId: after.articleId, noteId: after.id, fields }]
}

/** `current` placed where `placed` says: anchor, what was highlighted and anchor state; nothing else. */
function withPlacementOf(placed: Note, current: Note): Note {
  const next: Note = { ...structuredClone(current), anchor: structuredClone(placed.anchor) }
  delete next.highlighted
  delete next.anchorStatus
  if (placed.highlighted) next.highlighted = structuredClone(placed.highlighted)
  if (placed.anchorStatus) next.anchorStatus = structuredClone(placed.anchorStatus)
  return next
}
