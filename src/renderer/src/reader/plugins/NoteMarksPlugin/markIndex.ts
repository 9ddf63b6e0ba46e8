/**
 * Which MarkNodes draw which notes, both ways, as the MarkNode mutation listener reports
 * them: a change to one note then touches only that note's marks, however many notes the
 * article holds.
 */
import type { NodeKey } from 'lexical'

const NONE: ReadonlySet<NodeKey> = new Set()

export class MarkIndex {
  private readonly marksOfNote = new Map<string, Set<NodeKey>>()
  private readonly notesOfMark = new Map<NodeKey, readonly string[]>()
  /** Marks left with no note: nothing maps to them, yet they must go. */
  private readonly emptyMarks = new Set<NodeKey>()

  /** Records a mark, created or changed, with the note ids it now lists. */
  set(key: NodeKey, noteIds: readonly string[]): void {
    this.delete(key)
    this.notesOfMark.set(key, noteIds)
    if (noteIds.length === 0) this.emptyMarks.add(key)
    for (const id of noteIds) {
      const keys = this.marksOfNote.get(id)
      if (keys) keys.add(key)
      else this.marksOfNote.set(id, new Set([key]))
    }
  }

  delete(key: NodeKey): void {
    const noteIds = this.notesOfMark.get(key)
    if (!noteIds) return
    this.notesOfMark.delete(key)
    this.emptyMarks.delete(key)
    for (const id of noteIds) {
      const keys = this.marksOfNote.get(id)
      keys?.delete(key)
      if (keys?.size === 0) this.marksOfNote.delete(id)
    }
  }

  marksOf(noteId: string): ReadonlySet<NodeKey> {
    return this.marksOfNote.get(noteId) ?? NONE
  }

  notesOf(key: NodeKey): readonly string[] {
    return this.notesOfMark.get(key) ?? []
  }

  isDrawn(noteId: string): boolean {
    return this.marksOfNote.has(noteId)
  }

  drawnNotes(): IterableIterator<string> {
    return this.marksOfNote.keys()
  }

  marksWithoutNotes(): ReadonlySet<NodeKey> {
    return this.emptyMarks
  }
}
