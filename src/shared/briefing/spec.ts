/**
 * A briefing as Dossier stores it: the analyst's choices (which notes, how grouped, in
 * which order, with which front matter) rather than the resolved text. Storing choices
 * means a briefing follows the notes as they are edited; `compose.ts` turns it into the
 * `BriefingDocument` that exporters render.
 *
 * The one exception is the snapshots: a copy of each cited note and source, refreshed
 * whenever the service composes the briefing, so that a note or article deleted for good
 * afterwards is still cited from what the briefing last showed.
 */
import type { AnchorState, TextAnchorSelectors } from '../anchoring/selectors'
import type { NoteAnchorStatus } from '../domain/note'
import type { BriefingDocument, BriefingFrontMatter, BriefingReview, BriefingTagLabel } from './document'

/**
 * Which notes the briefing draws. Each criterion left empty places no restriction, but a
 * filter with no criterion at all selects no note: a new briefing starts empty, and one
 * made from a selection of notes holds exactly that selection (`includedNoteIds`).
 */
export interface BriefingFilter {
  /** A parent tag stands for itself and every tag under it. */
  tagIds: string[]
  /** 'any': the note has at least one of the tags; 'all': it has each of them (or one under it). */
  tagMode: 'any' | 'all'
  articleIds: string[]
  /** #rrggbb; a note's colour is its first tag's colour, else its own. */
  colors: string[]
  /** YYYY-MM-DD, inclusive, compared with the day the note was created (UTC). */
  from: string | null
  to: string | null
  /** Every word must appear in the quote, the note or a tag path, accents and case ignored. */
  text: string
}

export type BriefingGrouping = 'none' | 'tag-top' | 'tag-full' | 'article'
export type BriefingOrder = 'document' | 'date' | 'manual'

/** The analyst's own wording for one group of the briefing. */
export interface BriefingSectionText {
  /** Replaces the default heading (the tag's leaf name or the article's title). */
  title?: string
  intro: string
}

/** A tag as a note carried it when snapshotted: its id for filtering, its path and colour for printing. */
export interface SnapshotTag extends BriefingTagLabel {
  id: string
}

/** A note as the briefing last cited it. */
export interface NoteSnapshot {
  /** Set for a note on the whole article: its anchor is a placeholder and it has no paragraph. */
  kind?: 'article'
  articleId: string
  anchor: TextAnchorSelectors
  /** As on the note (see `Note`): what was highlighted, when an edit changed it. */
  highlighted?: TextAnchorSelectors
  /** As on the note: absent when it covered exactly what was highlighted. */
  anchorStatus?: NoteAnchorStatus
  /**
   * YYYY-MM-DD (UTC): the last day the briefing composed this copy from the live note, so
   * the day its quote is "as of" once the note is gone. Absent in copies made before it was
   * recorded; the note's `updatedAt` stands in.
   */
  asOf?: string
  text: string
  tagIds: string[]
  tags: SnapshotTag[]
  color: string | null
  createdAt: string
  updatedAt: string
  /** 1-based paragraph of the article where the quote starts; null when the note was orphaned. */
  paragraph: number | null
  /** For a PDF source: the 1-based page where the quote's paragraph starts. Absent otherwise. */
  page?: number
}

/** An article's citation data as the briefing last cited it. */
export interface SourceSnapshot {
  title: string
  outlet: string | null
  author: string | null
  publishedAt: string | null
  url: string | null
  language: string | null
  /** Keeps a deleted article in its place when notes are ordered as in the library. */
  importedAt: string
}

export interface Briefing {
  id: string
  createdAt: string
  updatedAt: string
  frontMatter: BriefingFrontMatter
  filter: BriefingFilter
  /** Added by hand, whether or not the filter matches them. */
  includedNoteIds: string[]
  /** Matched by the filter but left out by hand; wins over `includedNoteIds`. */
  excludedNoteIds: string[]
  grouping: BriefingGrouping
  order: BriefingOrder
  /** Note ids for `order: 'manual'`; notes not listed follow, in document order. */
  manualOrder: string[]
  /** Keyed by group key: a tag id, `path:<folded path>` for a parent with no tag of its own, an article id, 'untagged' or 'all'. */
  sections: Record<string, BriefingSectionText>
  /** Quotes longer than this many characters are trimmed to « start […] end »; null never trims. */
  quoteLimit: number | null
  /**
   * Moved and orphaned notes (see `needsReview`) are left out unless this is on; when it
   * is, they are cited with a mark saying what became of their passage.
   */
  includeNotesNeedingReview: boolean
  /** Whether exports list each note's tags; off by default for deliverables. */
  showTags: boolean
  /**
   * How citations and the sources list are written: a bundled CSL style's id (a new briefing
   * takes HOUSE_CITATION_STYLE), an added style's id (see citations/styleStore.ts), or
   * DOSSIER_CITATION_STYLE, Dossier's own form from before CSL styles.
   */
  citationStyle: string
  language: string
  /** By note id. */
  snapshots: Record<string, NoteSnapshot>
  /** By article id. */
  sourceSnapshots: Record<string, SourceSnapshot>
}

/** One line of the briefings list. */
export interface BriefingSummary {
  id: string
  title: string
  updatedAt: string
  noteCount: number
}

/**
 * Where a candidate's quote stands: in the article as highlighted ('anchored'), changed
 * since ('moved'), gone from it ('orphaned'), or kept in the briefing's copy because the
 * note or its article was deleted for good ('snapshot').
 */
export type BriefingAnchorState = AnchorState | 'snapshot'

/** A note the composer can show with a toggle: everything the filter matched or the analyst added. */
export interface BriefingCandidate {
  /** Set for a note on the whole article: `quote` is empty, it is printed as its source's introduction. */
  kind?: 'article'
  noteId: string
  articleId: string
  articleTitle: string
  /** The whole quote, untrimmed: the current text, or for an orphaned note the words highlighted. */
  quote: string
  anchorState: BriefingAnchorState
  /**
   * Whether the note needs review (a snapshot says as the note was when copied). Such a
   * note is in the document only when the briefing includes notes needing review.
   */
  review: BriefingReview
  noteText: string
  tags: BriefingTagLabel[]
  color: string | null
  createdAt: string
  /** The filter selects it. */
  matched: boolean
  /** Added by hand. */
  included: boolean
  /** Left out by hand: it does not appear in the document. */
  excluded: boolean
  /** The note or its article was deleted for good; it is cited from the briefing's snapshot. */
  fromSnapshot: boolean
}

/** What the composer shows: the resolved document and the notes it may toggle. */
export interface ComposedBriefing {
  document: BriefingDocument
  candidates: BriefingCandidate[]
}

export const DEFAULT_BRIEFING_TITLE = 'Dossier sans titre'

/**
 * The citation form Dossier had before CSL styles, written without a CSL processor (Le Desk,
 * « Titre », auteur, date, § 4: the outlet first, as a press review cites). It stays a choice
 * for three reasons: briefings made before CSL styles keep it, so a deliverable already sent
 * is exported again with the same words; no bundled style puts the outlet first; and it is
 * what a briefing falls back to when its CSL style fails on a source.
 */
export const DOSSIER_CITATION_STYLE = 'dossier'

/**
 * The languages Dossier writes a briefing's own words in (headings, dates, labels; the CSL
 * locale follows): the composer offers these, the exporters' label tables cover them.
 */
export const BRIEFING_LANGUAGES = ['fr', 'en'] as const
export type BriefingLanguage = (typeof BRIEFING_LANGUAGES)[number]

export function isBriefingLanguage(language: string): language is BriefingLanguage {
  return (BRIEFING_LANGUAGES as readonly string[]).includes(language)
}

/** Dossier's French house style in CSL (ISO 690), what a new briefing cites in; see citations/houseStyle.ts. */
export const HOUSE_CITATION_STYLE = 'iso690-dossier'

export function emptyBriefingFilter(): BriefingFilter {
  return { tagIds: [], tagMode: 'any', articleIds: [], colors: [], from: null, to: null, text: '' }
}

/** A filter with no criterion: it selects no note on its own. */
export function isEmptyBriefingFilter(filter: BriefingFilter): boolean {
  return (
    filter.tagIds.length === 0 &&
    filter.articleIds.length === 0 &&
    filter.colors.length === 0 &&
    filter.from === null &&
    filter.to === null &&
    filter.text.trim() === ''
  )
}

export function newBriefing(id: string, now: Date, title: string): Briefing {
  const at = now.toISOString()
  return {
    id,
    createdAt: at,
    updatedAt: at,
    frontMatter: {
      title: title.trim() || DEFAULT_BRIEFING_TITLE,
      subtitle: '',
      author: '',
      date: at.slice(0, 10),
      keyPoints: '',
      classification: ''
    },
    filter: emptyBriefingFilter(),
    includedNoteIds: [],
    excludedNoteIds: [],
    grouping: 'tag-top',
    order: 'document',
    manualOrder: [],
    sections: {},
    quoteLimit: null,
    includeNotesNeedingReview: false,
    showTags: false,
    citationStyle: HOUSE_CITATION_STYLE,
    language: 'fr',
    snapshots: {},
    sourceSnapshots: {}
  }
}

/**
 * Fills in whatever a stored record lacks, so a briefing written by an older Dossier (or
 * one missing a field added since) opens with defaults instead of failing.
 */
export function completeBriefing(stored: Partial<Briefing> & { id: string }): Briefing {
  const defaults = newBriefing(stored.id, new Date(stored.createdAt ?? 0), stored.frontMatter?.title ?? '')
  return {
    ...defaults,
    // Stored before briefings chose a style, it was written in Dossier's own form: it still is.
    citationStyle: DOSSIER_CITATION_STYLE,
    ...stored,
    frontMatter: { ...defaults.frontMatter, ...stored.frontMatter },
    filter: { ...defaults.filter, ...stored.filter }
  }
}

/** Every format a briefing exports to; PDF is printed from the HTML by the desktop app. */
export const BRIEFING_EXPORT_FORMATS = ['markdown', 'html', 'docx', 'jsonld', 'pdf'] as const
export type BriefingExportFormat = (typeof BRIEFING_EXPORT_FORMATS)[number]
export type BriefingPaper = 'a4' | 'letter'

/** An exported file, ready to save: base64 because both transports carry JSON. */
export interface BriefingExportFile {
  fileName: string
  mimeType: string
  dataBase64: string
  /** How many notes the file cites, so the UI can say « 12 notes exportées ». */
  noteCount: number
}
