/**
 * A briefing, resolved: everything an exporter needs and nothing it must look up. The
 * composer turns a stored briefing (filters, grouping, order, front matter) plus the
 * library's notes, tags and article metadata into this one value; every exporter
 * (Markdown, HTML, DOCX, PDF via HTML, JSON-LD) renders it, so all formats agree on
 * which notes appear, in which order, with which citation number.
 *
 * Strings here are raw user and article text. Exporters escape them at their own output
 * boundary and nowhere else.
 */
import type { TextAnchorSelectors } from '../anchoring/selectors'
import type { StyledCitations } from './styledCitations'

export interface BriefingFrontMatter {
  title: string
  subtitle: string
  author: string
  /** YYYY-MM-DD, as the user set it; exporters print it in the briefing's language. */
  date: string
  /** The executive summary ("key points"): the user's own text, one point per line. */
  keyPoints: string
  /** Optional classification or handling line, printed at the top (and in page headers where the format allows). */
  classification: string
}

/** Where a quote comes from; every field but the title may be unknown. */
export interface BriefingSource {
  /** 1-based number in the sources list; items cite their source by this number. */
  number: number
  articleId: string
  title: string
  outlet: string | null
  author: string | null
  /** ISO date (YYYY-MM-DD or full date-time) or null. */
  publishedAt: string | null
  url: string | null
  language: string | null
}

export interface BriefingTagLabel {
  path: string
  color: string | null
}

/**
 * Why a note needs the analyst's eyes before a briefing cites it: some of the words
 * highlighted changed after an edit ('moved'), or every one of them is gone ('orphaned').
 * Null for a note that covers exactly what was highlighted.
 */
export type BriefingReview = 'moved' | 'orphaned' | null

/** An item cited from the briefing's own copy because the note, or its whole article, was deleted for good. */
export interface BriefingItemSnapshot {
  /** YYYY-MM-DD: the last day the briefing saw the note, which the quote is "as of". */
  asOf: string
  deleted: 'article' | 'note'
}

export interface BriefingItem {
  /**
   * Set for a note on the whole article: printed as a plain paragraph (its text), before the
   * quotes of its source, with no quote marks and no citation. Its `quote` is empty, its
   * `paragraph` and `page` null, its `anchor` a placeholder.
   */
  kind?: 'article'
  noteId: string
  /**
   * The article's text at the note's place now (for a moved note too), or for an orphaned
   * note the words highlighted, which the article no longer has; `[…]` marks where the
   * composer trimmed it.
   */
  quote: string
  /** The user's note text, Markdown-style emphasis (`**strong**`, `*em*`) as written; may be empty. */
  noteText: string
  tags: BriefingTagLabel[]
  color: string | null
  /** The number of the entry in `BriefingDocument.sources`. */
  sourceNumber: number
  /** 1-based number of the article paragraph (block) where the quote starts; null when the note is orphaned. */
  paragraph: number | null
  /** For a PDF source: the 1-based page the quote's paragraph starts on, which citations print (« p. 12 »); else null. */
  page: number | null
  createdAt: string
  updatedAt: string
  /**
   * For JSON-LD: the selectors of the quote printed, in the article it points into: where the
   * note sits now, or for an orphaned note the ones it was highlighted with.
   */
  anchor: TextAnchorSelectors
  /** Set only for notes the briefing includes on request (`includeNotesNeedingReview`); every exporter marks them. */
  review: BriefingReview
  /** Set when the item is cited from a snapshot; every exporter says so next to the citation. */
  snapshot: BriefingItemSnapshot | null
}

export interface BriefingSection {
  /** Stable id of the group (tag id, article id, 'untagged', 'all'): where the composer keeps its title and intro. */
  key: string
  /** Empty when the briefing is not grouped: exporters then print no section heading. */
  heading: string
  /** Nesting depth of the heading: 1 for top-level groups, 2+ for sub-tags when grouped by full hierarchy. */
  level: number
  intro: string
  items: BriefingItem[]
}

export interface BriefingDocument {
  id: string
  frontMatter: BriefingFrontMatter
  /** BCP 47-ish language of the briefing text (for `lang` and date formatting); 'fr' by default. */
  language: string
  sections: BriefingSection[]
  sources: BriefingSource[]
  /**
   * Whether each item lists its tags. Off by default: tags are the analyst's filing, which
   * the reader of a deliverable has no use for.
   */
  showTags: boolean
  /**
   * The citations and sources list as the briefing's CSL style formats them; absent when the
   * briefing uses Dossier's own citation form (labels.ts).
   */
  styled?: StyledCitations
  /** When the document was resolved (ISO date-time): exporters may print it as "generated on". */
  generatedAt: string
}

/** Counts every item in a document; exporters use it for empty states and progress. */
export function countItems(document: BriefingDocument): number {
  return document.sections.reduce((total, section) => total + section.items.length, 0)
}
