/**
 * The one API contract between the user interface and the services. Both transports
 * (Electron IPC and the browser-mode HTTP host) and the renderer's client are derived
 * from this map, and every input is validated against these schemas on the trusted
 * side before a service sees it. The schemas themselves live by domain in `schemas/`;
 * this file keeps the method table and the types derived from it.
 */
import { z } from 'zod'
import type { ArticleBody, ArticleMeta, ArticleSummary, ImportOutcome, OpenedArticle } from '../domain/article'
import type { ArticleBlocksPart, ArticleStart } from '../domain/article'
import type { Briefing, BriefingExportFile, BriefingSummary, ComposedBriefing } from '../briefing/spec'
import type { CitationStyleInfo } from '../briefing/styledCitations'
import type { AnyNote, ArticleNote, Note } from '../domain/note'
import type { NoteFields, NotesPage } from '../notes/workspace'
import type { SearchResults } from '../search/results'
import type { Notice } from '../domain/notices'
import type { Result } from '../result'
import type { Tag, TagRecordChange } from '../tags/tags'
import type { ApiMethod } from './methods'
import { articleBlock, articleMetaChanges, importedFile, pastedContent } from './schemas/articles'
import { bibliographyExport, referenceFile } from './schemas/articles'
import type { BibliographyFile, ReferenceEntry } from '../bibliography/formats'
import { briefingChanges, briefingExport, briefingRef, newBriefing, paper, storedBriefing } from './schemas/briefings'
import { citationStyleFile } from './schemas/briefings'
import { hexColor, id, noInput } from './schemas/common'
import { bulkNoteUpdate, newNote, noteFieldsRestore, noteReattachment, notesQuery, storedNote } from './schemas/notes'
import { newArticleNote, storedArticleNote } from './schemas/notes'
import { searchQuery } from './schemas/search'
import { deletedTag, newTag, tagBranchMerge, tagBranchRename, tagColors, tagMergeChanges } from './schemas/tags'
import { preferenceChanges, type Preferences } from './schemas/preferences'

export { HEX_COLOR_PATTERN } from './schemas/common'

/** Where a note lives: enough to find it again. */
export interface NoteRef {
  articleId: string
  noteId: string
}

/** One note's tag ids before and after a library-wide tag operation. */
export interface NoteTagIdsChange extends NoteRef {
  before: string[]
  after: string[]
}

/** An import not stored because its text is already in the library (same content hash). */
export interface DuplicateImport {
  ok: false
  fileName: string
  reason: string
  duplicateOf: { articleId: string; title: string }
}

/** What a merge changed, handed back to undo it exactly. */
export interface TagMergeChanges {
  tags: TagRecordChange[]
  notes: NoteTagIdsChange[]
}

/** An edited article: its new body and every note re-anchored against it. */
export interface EditedArticle {
  body: ArticleBody
  meta: ArticleMeta
  notes: Note[]
}

interface MethodSpec<I extends z.ZodType, O> {
  input: I
  /** Phantom field: carries the output type; never read at run time. */
  output?: O
}

function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input })
}

export const apiContract = {
  listArticles: method<ArticleSummary[]>()(noInput),
  listTrash: method<ArticleSummary[]>()(noInput),
  openArticle: method<OpenedArticle>()(z.object({ articleId: id }).strict()),
  /** What the reading pane opens with: the article's details and its first blocks (several screens). */
  openArticleStart: method<ArticleStart>()(z.object({ articleId: id }).strict()),
  /** The rest of an opened article: its blocks from `from` on, unless its text changed since `revision`. */
  readArticleBlocks: method<ArticleBlocksPart>()(
    z.object({ articleId: id, from: z.number().int().min(0), revision: z.string().min(1).max(100) }).strict()
  ),
  /**
   * A file whose text is already in the library is not stored: the answer names the article
   * that has it (`duplicateOf`), and the same call with `allowDuplicate` imports a copy.
   */
  importFile: method<ImportOutcome | DuplicateImport>()(
    z.object({ ...importedFile, allowDuplicate: z.boolean().optional() }).strict()
  ),
  importPaste: method<ImportOutcome>()(pastedContent),
  updateArticleMeta: method<ArticleMeta>()(z.object({ articleId: id, changes: articleMetaChanges }).strict()),
  /** Saves the reading pane's edited text and re-anchors every note of the article against it. */
  updateArticleBody: method<EditedArticle>()(
    z
      .object({ articleId: id, blocks: z.array(articleBlock).min(1, 'an article cannot be empty').max(200_000) })
      .strict()
  ),
  /**
   * Replaces an article's text with a newer version from a file (imported as by importFile), keeping its
   * title and details; every note is looked for in the new text by its quote and context.
   */
  replaceArticleText: method<EditedArticle>()(z.object({ articleId: id, ...importedFile }).strict()),
  trashArticle: method<{ trashed: true }>()(z.object({ articleId: id }).strict()),
  restoreArticle: method<{ restored: true }>()(z.object({ articleId: id }).strict()),
  emptyTrash: method<{ deleted: number }>()(noInput),
  listTags: method<Tag[]>()(noInput),
  createTag: method<Tag>()(newTag),
  renameTag: method<Tag[]>()(z.object({ tagId: id, path: z.string().trim().min(1).max(500) }).strict()),
  recolorTag: method<Tag[]>()(z.object({ tagId: id, color: hexColor.nullable() }).strict()),
  /** What the tag means, for whoever reads the tag manager or a briefing later. */
  describeTag: method<Tag[]>()(z.object({ tagId: id, description: z.string().trim().max(2000) }).strict()),
  deleteTag: method<{ tagged: NoteRef[] }>()(z.object({ tagId: id }).strict()),
  restoreTag: method<Tag[]>()(deletedTag),
  /** Folds one tag (and its sub-tags) into another, across every note of the library. */
  mergeTags: method<{ tags: Tag[]; changes: TagMergeChanges }>()(z.object({ fromId: id, intoId: id }).strict()),
  undoMergeTags: method<Tag[]>()(z.object({ changes: tagMergeChanges }).strict()),
  /** Renames or moves a parent tag's whole branch, even a parent with no record of its own. */
  renameTagBranch: method<Tag[]>()(tagBranchRename),
  /** Recolours several tags in one write: a branch at once, or back to their colours on undo. */
  recolorTags: method<Tag[]>()(tagColors),
  /** Folds a whole branch into a tag, as mergeTags does for a tag; undone with undoMergeTags. */
  mergeTagBranch: method<{ tags: Tag[]; changes: TagMergeChanges }>()(tagBranchMerge),
  /** Tags on the digit keys 1–9 while tagging: index 0 is key 1. */
  listPinnedTags: method<string[]>()(noInput),
  setPinnedTags: method<string[]>()(z.object({ tagIds: z.array(id).max(9) }).strict()),
  /** Each tagged note's tag ids, across the library: what the tag manager counts. */
  tagUsage: method<string[][]>()(noInput),
  listNotes: method<Note[]>()(z.object({ articleId: id }).strict()),
  createNote: method<Note>()(newNote),
  updateNote: method<Note>()(
    z.object({ articleId: id, noteId: id, changes: z.object({ text: z.string().max(100_000) }).strict() }).strict()
  ),
  setNoteTags: method<Note>()(z.object({ articleId: id, noteId: id, tagIds: z.array(id).max(50) }).strict()),
  setNoteColor: method<Note>()(z.object({ articleId: id, noteId: id, color: hexColor.nullable() }).strict()),
  /** Points a note at new text: re-attaches an orphan, or accepts where a moved note now sits. */
  reattachNote: method<Note>()(noteReattachment),
  restoreNote: method<Note>()(z.object({ note: storedNote }).strict()),
  deleteNote: method<{ deleted: true }>()(z.object({ articleId: id, noteId: id }).strict()),
  /** Notes on the whole article (summary, assessment…), oldest first; they have no anchor and no colour. */
  listArticleNotes: method<ArticleNote[]>()(z.object({ articleId: id }).strict()),
  createArticleNote: method<ArticleNote>()(newArticleNote),
  updateArticleNote: method<ArticleNote>()(
    z.object({ articleId: id, noteId: id, changes: z.object({ text: z.string().max(100_000) }).strict() }).strict()
  ),
  setArticleNoteTags: method<ArticleNote>()(
    z.object({ articleId: id, noteId: id, tagIds: z.array(id).max(50) }).strict()
  ),
  deleteArticleNote: method<{ deleted: true }>()(z.object({ articleId: id, noteId: id }).strict()),
  restoreArticleNote: method<ArticleNote>()(z.object({ note: storedArticleNote }).strict()),
  /** One box for everything: article titles and text, quotes, note text and tag names; `tag:` and `article:` filter. */
  search: method<SearchResults>()(searchQuery),
  /** The notes workspace: every note of the library, filtered, sorted and paged. */
  queryNotes: method<NotesPage>()(notesQuery),
  /** Adds or removes tags and sets the colour of many notes at once; returns what they were, for undo. */
  /** Notes on the whole article among `notes` get the tags only: they have no colour of their own. */
  bulkUpdateNotes: method<{ notes: AnyNote[]; before: NoteFields[] }>()(bulkNoteUpdate),
  restoreNoteFields: method<AnyNote[]>()(noteFieldsRestore),
  listNotices: method<Notice[]>()(noInput),
  dismissNotice: method<{ dismissed: true }>()(z.object({ noticeId: id }).strict()),
  listBriefings: method<BriefingSummary[]>()(noInput),
  getBriefing: method<Briefing>()(briefingRef),
  /** `includedNoteIds` lets the notes workspace turn a selection into a briefing. */
  createBriefing: method<Briefing>()(newBriefing),
  updateBriefing: method<Briefing>()(z.object({ briefingId: id, changes: briefingChanges }).strict()),
  duplicateBriefing: method<Briefing>()(briefingRef),
  /** Hands back the deleted record, for undo. */
  deleteBriefing: method<{ briefing: Briefing }>()(briefingRef),
  restoreBriefing: method<Briefing>()(z.object({ briefing: storedBriefing }).strict()),
  composeBriefing: method<ComposedBriefing>()(briefingRef),
  previewBriefing: method<{ html: string }>()(z.object({ briefingId: id, paper }).strict()),
  exportBriefing: method<BriefingExportFile>()(briefingExport),
  /** The citation styles a briefing can pick: bundled, then those added from `.csl` files. */
  listCitationStyles: method<CitationStyleInfo[]>()(noInput),
  /** Checks a `.csl` file and keeps it in the data folder; a bad file is refused with its reason. */
  addCitationStyle: method<CitationStyleInfo>()(citationStyleFile),
  /** The whole library, or the articles named (a briefing's sources), as CSL-JSON, BibTeX or RIS. */
  exportBibliography: method<BibliographyFile>()(bibliographyExport),
  /** Every entry of a reference file, as changes to an article's details; none when it is unreadable. */
  readReferenceFile: method<{ entries: ReferenceEntry[] }>()(referenceFile),
  /** The user's preferences (the interface language), kept in the data folder. */
  getPreferences: method<Preferences>()(noInput),
  /** Changes the preferences it names; answers them all as saved. */
  setPreferences: method<Preferences>()(preferenceChanges)
} satisfies Record<ApiMethod, MethodSpec<z.ZodType, unknown>>

export type ApiContract = typeof apiContract
export type ApiInput<M extends ApiMethod> = z.infer<ApiContract[M]['input']>
export type ApiOutput<M extends ApiMethod> = NonNullable<ApiContract[M]['output']>

/** What a service layer must implement: one async function per method, typed by the contract. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>>
}

/** What the renderer calls: the same methods, returning results as data. */
export type ApiClient = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>>
}

/** How a raw call is moved across a boundary; each transport supplies one. */
export type ApiTransport = (method: ApiMethod, input: unknown) => Promise<Result<unknown>>
