/**
 * The on-disk layout and its versioned file shapes.
 *
 * One file for everything would make every note save rewrite megabytes, so data is split:
 * a small library file (article metadata and tags), a briefings file, one notes file per
 * article, and article bodies written once in their own files. A note save rewrites only
 * its article's notes file.
 */
import path from 'node:path'
import type { Briefing } from '../../shared/briefing/spec'
import type { ArticleBody, ArticleMeta } from '../../shared/domain/article'
import type { ArticleNote, Note } from '../../shared/domain/note'
import type { Tag } from '../../shared/tags/tags'

export const SCHEMA_VERSION = 2

export interface LibraryFile {
  schemaVersion: number
  articles: LibraryArticle[]
  /** Tags live here once; notes refer to them by id, so a rename rewrites this small file only. */
  tags: Tag[]
  /** Tags on the digit keys 1–9 in the tag picker, in key order. */
  pinnedTagIds: string[]
}

/** An article's entry in the library: its metadata, and how many notes it has. */
export interface LibraryArticle extends ArticleMeta {
  /**
   * A cache of the length of notes/<id>.json, so that the library lists without opening
   * every notes file. Kept up to date with each note created, deleted or restored; put
   * right whenever that notes file is read and disagrees. Absent in libraries from before
   * it existed: computed once in the background after start-up. Optional, so no schema
   * version step: an older Dossier reads the file as before.
   */
  noteCount?: number
}

export interface NotesFile {
  schemaVersion: number
  articleId: string
  /** Notes on passages: anchored, re-anchored after edits, drawn in the text. */
  notes: Note[]
  /**
   * Notes on the whole article, apart so that anchoring never sees them. Absent in files
   * from before they existed, read as none (fileSchemas.ts); optional in that sense only, so
   * no schema version step: an older Dossier keeps the field it does not know when it saves.
   */
  articleNotes: ArticleNote[]
}

export interface BodyFile extends ArticleBody {
  schemaVersion: number
}

export function emptyLibrary(): LibraryFile {
  return { schemaVersion: SCHEMA_VERSION, articles: [], tags: [], pinnedTagIds: [] }
}

/** Briefings get their own file: editing one never rewrites the library, and a note save never touches it. */
export interface BriefingsFile {
  schemaVersion: number
  briefings: Briefing[]
}

export function emptyBriefings(): BriefingsFile {
  return { schemaVersion: SCHEMA_VERSION, briefings: [] }
}

export function emptyNotes(articleId: string): NotesFile {
  return { schemaVersion: SCHEMA_VERSION, articleId, notes: [], articleNotes: [] }
}

export const dataLayout = {
  library: (dataDir: string) => path.join(dataDir, 'library.json'),
  body: (dataDir: string, articleId: string) => path.join(dataDir, 'articles', `${articleId}.json`),
  notes: (dataDir: string, articleId: string) => path.join(dataDir, 'notes', `${articleId}.json`),
  briefings: (dataDir: string) => path.join(dataDir, 'briefings.json'),
  /** Derived from everything else and rebuilt when missing or unreadable (services/search/indexFile.ts). */
  searchIndex: (dataDir: string) => path.join(dataDir, 'search-index.json')
}

/** Raised when a file was written by a newer Dossier: it must not be rewritten by an older one. */
export class NewerSchemaError extends Error {
  constructor(file: string, version: number) {
    super(
      `${file} was written by a newer version of Dossier (schema ${version}, this one reads up to ${SCHEMA_VERSION}). It was left untouched; please update Dossier.`
    )
    this.name = 'NewerSchemaError'
  }
}

/**
 * Steps a stored object up to the current schema: each past version gets one step here;
 * version 0 is a file from before versioning existed. A file from a newer Dossier is
 * refused (NewerSchemaError), never rewritten. Anything but an object is returned as it is,
 * for the caller's validation to call damaged.
 */
export function upgrade(file: string, raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw
  const record = raw as Record<string, unknown>
  const version = typeof record.schemaVersion === 'number' ? record.schemaVersion : 0
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(file, version)
  // Version 0 → 1: the same shape, now stamped.
  const upgraded =
    version < 2 && Array.isArray(record.notes) ? { ...record, notes: record.notes.map(noteToV2) } : record
  return { ...upgraded, schemaVersion: SCHEMA_VERSION }
}

/**
 * Version 1 → 2, notes files: a moved note kept what the user highlighted in `anchor` and
 * what it covers now in `anchorStatus.quote`. Now `anchor` is where the note is and
 * `highlighted` what was highlighted. The context of the current words was never stored;
 * empty context is what a selector has at the edges of a text, and the position holds it.
 */
function noteToV2(note: unknown): unknown {
  const record = note as { anchor?: { position?: unknown }; anchorStatus?: { state?: string; quote?: unknown } }
  const status = record?.anchorStatus
  if (status?.state !== 'moved' || typeof status.quote !== 'string' || !record.anchor) return note
  const { quote, ...movedStatus } = status
  return {
    ...record,
    highlighted: record.anchor,
    anchor: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      position: record.anchor.position
    },
    anchorStatus: movedStatus
  }
}
