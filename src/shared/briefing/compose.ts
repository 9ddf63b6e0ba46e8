/**
 * Turns a stored briefing and the library into the one `BriefingDocument` every exporter
 * renders, so Markdown, HTML, DOCX, PDF and JSON-LD agree on which notes appear, where,
 * in which order and with which citation number. Pure: the service gathers the notes,
 * articles and tags and says which paragraph an offset falls in; nothing here reads a file.
 *
 * Notes deleted for good (themselves or with their article) are composed from the
 * briefing's snapshots, so an export keeps citing what the briefing showed before, and
 * each says so. Notes that need review (moved or orphaned by an edit) are left out unless
 * the briefing asks for them, and then each is marked.
 */
import type { ArticleMeta } from '../domain/article'
import type { Note } from '../domain/note'
import { anchorStateOf, currentQuote, highlightedQuote, highlightedSelectors } from '../notes/anchorState'
import { effectiveNoteColor } from '../notes/effectiveColor'
import { compareNotePositions } from '../notes/noteOrder'
import { buildTagTree, expandTagFilter, foldTagPath, type Tag, type TagTreeNode } from '../tags/tags'
import { matchesAllWords } from '../text/fold'
import type {
  BriefingDocument,
  BriefingItem,
  BriefingItemSnapshot,
  BriefingReview,
  BriefingSection,
  BriefingSource
} from './document'
import {
  isEmptyBriefingFilter,
  type Briefing,
  type BriefingCandidate,
  type ComposedBriefing,
  type NoteSnapshot,
  type SnapshotTag,
  type SourceSnapshot
} from './spec'

/**
 * What the composer needs from the library. `notes` must hold every note of the articles
 * the filter names and of the articles the snapshots point into: a snapshot stands in for
 * any note missing from it, so a note left out here would be taken for deleted.
 */
export interface BriefingLibrary {
  notes: readonly Note[]
  /** Every article, trashed ones included: a trashed article is still cited normally. */
  articles: readonly ArticleMeta[]
  tags: readonly Tag[]
  /** 1-based paragraph (article block) holding the offset, or null when unknown. */
  paragraphOf(articleId: string, offset: number): number | null
  /**
   * 1-based page of the source (a PDF) on which the block holding the offset starts, or null
   * when the article has no pages. Absent: no article has pages.
   */
  pageOf?(articleId: string, offset: number): number | null
}

/** The composition plus the snapshots the service stores back into the briefing. */
export interface ComposedWithSnapshots extends ComposedBriefing {
  snapshots: Record<string, NoteSnapshot>
  sourceSnapshots: Record<string, SourceSnapshot>
}

/** A note or a snapshot standing in for one, with its tags resolved. */
interface Entry {
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

interface ArticleInfo {
  rank: number
  source: SourceSnapshot
}

const LABELS = {
  fr: { untagged: 'Sans étiquette', deletedArticle: 'Article supprimé' },
  en: { untagged: 'Untagged', deletedArticle: 'Deleted article' }
}

function labelsFor(language: string) {
  return language.toLowerCase().startsWith('fr') ? LABELS.fr : LABELS.en
}

export function composeBriefing(briefing: Briefing, library: BriefingLibrary, now: Date): ComposedBriefing {
  const { document, candidates } = composeBriefingWithSnapshots(briefing, library, now)
  return { document, candidates }
}

export function composeBriefingWithSnapshots(
  briefing: Briefing,
  library: BriefingLibrary,
  now: Date
): ComposedWithSnapshots {
  const labels = labelsFor(briefing.language)
  const articles = articleInfo(briefing, library.articles)
  const entries = gatherEntries(briefing, library)
  const documentOrder = (a: Entry, b: Entry) => compareDocumentOrder(articles, a, b)

  const matches = noteFilter(briefing, library.tags)
  const included = new Set(briefing.includedNoteIds)
  const excluded = new Set(briefing.excludedNoteIds)
  const candidates = entries
    .map((entry) => ({ entry, matched: matches(entry), included: included.has(entry.noteId) }))
    .filter((candidate) => candidate.matched || candidate.included)
    .sort((a, b) => documentOrder(a.entry, b.entry))
  // Kept: every candidate not left out by hand, snapshotted whether or not the document cites
  // it, so a note needing review can still be taken in after its article is deleted.
  const kept = candidates.filter((candidate) => !excluded.has(candidate.entry.noteId)).map(({ entry }) => entry)
  const cited = kept.filter((entry) => entry.review === null || briefing.includeNotesNeedingReview)

  const paragraphs = new Map<string, number | null>()
  const pages = new Map<string, number | null>()
  for (const entry of kept) {
    const orphaned = !entry.snapshot && anchorStateOf(entry) === 'orphaned'
    const at = (locate: (articleId: string, offset: number) => number | null) =>
      orphaned ? null : locate(entry.articleId, entry.anchor.position.start)
    paragraphs.set(entry.noteId, entry.snapshot ? entry.snapshot.paragraph : at(library.paragraphOf))
    pages.set(entry.noteId, entry.snapshot ? (entry.snapshot.page ?? null) : at(library.pageOf ?? (() => null)))
  }

  const liveArticles = new Set(library.articles.map((meta) => meta.id))
  const snapshotLabel = (entry: Entry): BriefingItemSnapshot | null =>
    entry.snapshot && {
      asOf: entry.snapshot.asOf ?? entry.snapshot.updatedAt.slice(0, 10),
      deleted: liveArticles.has(entry.articleId) ? 'note' : 'article'
    }

  const groups = groupEntries(briefing, library.tags, entries, cited, articles, labels.untagged)
  const order = itemOrder(briefing, documentOrder)
  for (const group of groups) group.entries.sort(order)

  const sourceNumbers = new Map<string, number>()
  const sources: BriefingSource[] = []
  for (const group of groups) {
    for (const entry of group.entries) {
      if (sourceNumbers.has(entry.articleId)) continue
      const number = sources.length + 1
      sourceNumbers.set(entry.articleId, number)
      const source = articles.get(entry.articleId)?.source ?? deletedSource(entry, labels.deletedArticle)
      sources.push({
        number,
        articleId: entry.articleId,
        title: source.title,
        outlet: source.outlet,
        author: source.author,
        publishedAt: source.publishedAt,
        url: source.url,
        language: source.language
      })
    }
  }

  const sections: BriefingSection[] = groups.map((group) => ({
    key: group.key,
    heading: group.heading,
    level: group.level,
    intro: briefing.sections[group.key]?.intro ?? '',
    items: group.entries.map((entry): BriefingItem => ({
      noteId: entry.noteId,
      quote: trimQuote(entry.quote, briefing.quoteLimit),
      noteText: entry.text,
      tags: entry.tags.map(({ path, color }) => ({ path, color })),
      color: effectiveColor(entry),
      sourceNumber: sourceNumbers.get(entry.articleId)!,
      paragraph: paragraphs.get(entry.noteId) ?? null,
      page: pages.get(entry.noteId) ?? null,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      anchor: cloneAnchor(entry.quoteSelectors),
      review: entry.review,
      snapshot: snapshotLabel(entry)
    }))
  }))

  const document: BriefingDocument = {
    id: briefing.id,
    frontMatter: { ...briefing.frontMatter },
    language: briefing.language,
    sections,
    sources,
    generatedAt: now.toISOString()
  }

  const today = now.toISOString().slice(0, 10)
  const snapshots: Record<string, NoteSnapshot> = {}
  for (const entry of kept) {
    snapshots[entry.noteId] = snapshotOf(
      entry,
      { paragraph: paragraphs.get(entry.noteId) ?? null, page: pages.get(entry.noteId) ?? null },
      today
    )
  }
  // A deleted note left out by hand keeps its snapshot, so taking it back in still works.
  for (const { entry } of candidates)
    if (entry.snapshot && !snapshots[entry.noteId]) snapshots[entry.noteId] = entry.snapshot
  const sourceSnapshots: Record<string, SourceSnapshot> = {}
  for (const snapshot of Object.values(snapshots)) {
    const source = articles.get(snapshot.articleId)?.source
    if (source) sourceSnapshots[snapshot.articleId] = source
  }

  return {
    document,
    candidates: candidates.map(({ entry, matched, included: byHand }) => ({
      noteId: entry.noteId,
      articleId: entry.articleId,
      articleTitle: articles.get(entry.articleId)?.source.title ?? labels.deletedArticle,
      quote: entry.quote,
      anchorState: entry.snapshot ? 'snapshot' : anchorStateOf(entry),
      review: entry.review,
      noteText: entry.text,
      tags: entry.tags.map(({ path, color }) => ({ path, color })),
      color: effectiveColor(entry),
      createdAt: entry.createdAt,
      matched,
      included: byHand,
      excluded: excluded.has(entry.noteId),
      fromSnapshot: entry.snapshot !== null
    })) satisfies BriefingCandidate[],
    snapshots,
    sourceSnapshots
  }
}

// ---------------------------------------------------------------------------------------
// Notes, articles and filtering

/** Live notes first; a snapshot only for a note the library no longer has. */
function gatherEntries(briefing: Briefing, library: BriefingLibrary): Entry[] {
  const tagsById = new Map(library.tags.map((tag) => [tag.id, tag]))
  const entries: Entry[] = library.notes.map((note) => ({
    noteId: note.id,
    articleId: note.articleId,
    ...anchoring(note),
    text: note.text,
    tagIds: note.tagIds,
    tags: note.tagIds.flatMap((id) => {
      const tag = tagsById.get(id)
      return tag ? [{ id, path: tag.path, color: tag.color }] : []
    }),
    color: note.color,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    snapshot: null
  }))
  const live = new Set(entries.map((entry) => entry.noteId))
  for (const [noteId, snapshot] of Object.entries(briefing.snapshots)) {
    if (live.has(noteId)) continue
    // A tag that still exists is printed as it is named now; a deleted one as it was.
    const tags = snapshot.tagIds.flatMap((id): SnapshotTag[] => {
      const tag = tagsById.get(id)
      if (tag) return [{ id, path: tag.path, color: tag.color }]
      const stored = snapshot.tags.find((candidate) => candidate.id === id)
      return stored ? [stored] : []
    })
    entries.push({
      noteId,
      articleId: snapshot.articleId,
      ...anchoring(snapshot),
      text: snapshot.text,
      tagIds: snapshot.tagIds,
      tags,
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
): Pick<Entry, 'anchor' | 'highlighted' | 'anchorStatus' | 'quote' | 'quoteSelectors' | 'review'> {
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

/** Citation data for every article, and its place in import order; deleted ones from the snapshots. */
function articleInfo(briefing: Briefing, metas: readonly ArticleMeta[]): Map<string, ArticleInfo> {
  const sources = new Map<string, SourceSnapshot>()
  for (const meta of metas) sources.set(meta.id, sourceOf(meta))
  for (const [articleId, source] of Object.entries(briefing.sourceSnapshots)) {
    if (!sources.has(articleId)) sources.set(articleId, source)
  }
  const ordered = [...sources.entries()].sort(
    ([idA, a], [idB, b]) => compareStrings(a.importedAt, b.importedAt) || compareStrings(idA, idB)
  )
  return new Map(ordered.map(([articleId, source], rank) => [articleId, { rank, source }]))
}

function sourceOf(meta: ArticleMeta): SourceSnapshot {
  return {
    title: meta.title,
    outlet: meta.outlet,
    author: meta.author,
    publishedAt: meta.publishedAt,
    url: meta.sourceUrl,
    language: meta.language,
    importedAt: meta.importedAt
  }
}

function deletedSource(entry: Entry, title: string): SourceSnapshot {
  return {
    title,
    outlet: null,
    author: null,
    publishedAt: null,
    url: null,
    language: null,
    importedAt: entry.createdAt
  }
}

/**
 * The colour the highlight shows in the reader. `entry.tagIds` is the note's (or the
 * snapshot's) own order; a tag resolves through `entry.tags`, so a deleted tag a snapshot
 * still prints keeps its stored colour, and one it lost is skipped.
 */
function effectiveColor(entry: Entry): string | null {
  return effectiveNoteColor(entry, (id) => entry.tags.find((tag) => tag.id === id)?.color)
}

function noteFilter(briefing: Briefing, tags: readonly Tag[]): (entry: Entry) => boolean {
  const filter = briefing.filter
  if (isEmptyBriefingFilter(filter)) return () => false
  const expanded = filter.tagIds.map((tagId) => expandTagFilter(tags, tagId))
  const anyTag = new Set(expanded.flatMap((ids) => [...ids]))
  const articleIds = new Set(filter.articleIds)
  const colors = new Set(filter.colors.map((color) => color.toLowerCase()))
  const text = filter.text.trim()
  return (entry) => {
    if (expanded.length > 0) {
      const has = (ids: Set<string>) => entry.tagIds.some((id) => ids.has(id))
      if (filter.tagMode === 'all' ? !expanded.every(has) : !has(anyTag)) return false
    }
    if (articleIds.size > 0 && !articleIds.has(entry.articleId)) return false
    if (colors.size > 0 && !colors.has(effectiveColor(entry)?.toLowerCase() ?? '')) return false
    const day = entry.createdAt.slice(0, 10)
    if (filter.from !== null && day < filter.from) return false
    if (filter.to !== null && day > filter.to) return false
    if (text !== '') {
      const haystack = [entry.quote, entry.text, ...entry.tags.map((tag) => tag.path)].join('\n')
      if (!matchesAllWords(haystack, text)) return false
    }
    return true
  }
}

// ---------------------------------------------------------------------------------------
// Grouping and order

interface Group {
  key: string
  heading: string
  level: number
  entries: Entry[]
}

/**
 * Each note lands in exactly one group, under its first relevant tag: a briefing that
 * printed the same quote under every tag it carries would read as padding, and its
 * length would no longer say how much material there is.
 */
function groupEntries(
  briefing: Briefing,
  tags: readonly Tag[],
  allEntries: readonly Entry[],
  entries: readonly Entry[],
  articles: Map<string, ArticleInfo>,
  untaggedTitle: string
): Group[] {
  const titleOf = (key: string, fallback: string) => briefing.sections[key]?.title?.trim() || fallback
  if (entries.length === 0) return []
  switch (briefing.grouping) {
    case 'none':
      return [{ key: 'all', heading: titleOf('all', ''), level: 1, entries: [...entries] }]
    case 'article': {
      const byArticle = new Map<string, Entry[]>()
      const ordered = [...entries].sort((a, b) => compareDocumentOrder(articles, a, b))
      for (const entry of ordered) byArticle.set(entry.articleId, [...(byArticle.get(entry.articleId) ?? []), entry])
      return [...byArticle].map(([articleId, grouped]) => ({
        key: articleId,
        heading: titleOf(articleId, articles.get(articleId)?.source.title ?? ''),
        level: 1,
        entries: grouped
      }))
    }
    case 'tag-top':
    case 'tag-full':
      return groupByTag(briefing, tags, allEntries, entries, titleOf, untaggedTitle)
  }
}

function groupByTag(
  briefing: Briefing,
  tags: readonly Tag[],
  allEntries: readonly Entry[],
  entries: readonly Entry[],
  titleOf: (key: string, fallback: string) => string,
  untaggedTitle: string
): Group[] {
  const full = briefing.grouping === 'tag-full'
  // When the filter names tags, a note is filed under the first of its tags the filter asked for.
  const wanted = new Set(briefing.filter.tagIds.flatMap((tagId) => [...expandTagFilter(tags, tagId)]))
  const relevantTag = (entry: Entry) =>
    (wanted.size > 0 ? entry.tags.find((tag) => wanted.has(tag.id)) : undefined) ?? entry.tags[0]

  const byPath = new Map<string, Entry[]>() // by folded path of the group
  const untagged: Entry[] = []
  for (const entry of entries) {
    const tag = relevantTag(entry)
    if (!tag) {
      untagged.push(entry)
      continue
    }
    const path = full ? tag.path : (tag.path.split('/')[0] ?? tag.path)
    const key = foldTagPath(path)
    byPath.set(key, [...(byPath.get(key) ?? []), entry])
  }

  // The tree gives French alphabetical order and each level's spelling; deleted tags that
  // snapshots still carry are added so their notes have a place in it.
  const known = new Map(tags.map((tag) => [tag.id, tag]))
  for (const entry of allEntries) {
    for (const tag of entry.tags) if (!known.has(tag.id)) known.set(tag.id, { ...tag, description: '' })
  }
  const tree = buildTagTree([...known.values()], [])

  const groups: Group[] = []
  const visit = (node: TagTreeNode, level: number): boolean => {
    const folded = foldTagPath(node.path)
    const key = node.tag?.id ?? `path:${folded}`
    const group: Group = { key, heading: titleOf(key, node.name), level, entries: byPath.get(folded) ?? [] }
    const at = groups.length
    groups.push(group)
    let filled = group.entries.length > 0
    if (full) for (const child of node.children) filled = visit(child, level + 1) || filled
    // A parent heading is kept when something under it is printed, even if it holds no item itself.
    if (!filled) groups.splice(at, 1)
    return filled
  }
  for (const root of tree) visit(root, 1)
  if (untagged.length > 0) {
    groups.push({ key: 'untagged', heading: titleOf('untagged', untaggedTitle), level: 1, entries: untagged })
  }
  return groups
}

function compareDocumentOrder(articles: Map<string, ArticleInfo>, a: Entry, b: Entry): number {
  const rankA = articles.get(a.articleId)?.rank ?? Number.MAX_SAFE_INTEGER
  const rankB = articles.get(b.articleId)?.rank ?? Number.MAX_SAFE_INTEGER
  return (
    rankA - rankB ||
    compareStrings(a.articleId, b.articleId) ||
    compareNotePositions(a, b) ||
    compareStrings(a.noteId, b.noteId)
  )
}

function itemOrder(briefing: Briefing, documentOrder: (a: Entry, b: Entry) => number): (a: Entry, b: Entry) => number {
  switch (briefing.order) {
    case 'document':
      return documentOrder
    case 'date':
      return (a, b) => compareStrings(a.createdAt, b.createdAt) || documentOrder(a, b)
    case 'manual': {
      const position = new Map(briefing.manualOrder.map((noteId, index) => [noteId, index]))
      const at = (entry: Entry) => position.get(entry.noteId) ?? Number.MAX_SAFE_INTEGER
      return (a, b) => at(a) - at(b) || documentOrder(a, b)
    }
  }
}

/** Items and snapshots get their own copy: the document must not alias the library's notes. */
function cloneAnchor(anchor: Note['anchor']): Note['anchor'] {
  return { quote: { ...anchor.quote }, position: { ...anchor.position } }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A live note's copy is as of today; a copy standing in for a deleted note keeps its day. */
function snapshotOf(
  entry: Entry,
  { paragraph, page }: { paragraph: number | null; page: number | null },
  today: string
): NoteSnapshot {
  const asOf = entry.snapshot ? entry.snapshot.asOf : today
  return {
    articleId: entry.articleId,
    anchor: cloneAnchor(entry.anchor),
    ...(entry.highlighted ? { highlighted: cloneAnchor(entry.highlighted) } : {}),
    ...(entry.anchorStatus ? { anchorStatus: { ...entry.anchorStatus } } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    text: entry.text,
    tagIds: [...entry.tagIds],
    tags: entry.tags.map((tag) => ({ ...tag })),
    color: entry.color,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    paragraph,
    ...(page !== null ? { page } : {})
  }
}

// ---------------------------------------------------------------------------------------
// Quotes

/**
 * Spaces a line may break at. The no-break spaces French puts inside « » and before
 * : ; ! ? are left out, so a cut never separates a guillemet or a colon from its word.
 */
const BREAKABLE_SPACE = /[ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]/u

/**
 * Trims a quote longer than `limit` characters to its start and end, cut at word
 * boundaries around « […] », the mark French editors use for an omission. Characters are
 * counted as a reader sees them (grapheme clusters), so an accented letter, an emoji or a
 * flag counts once and is never split.
 */
export function trimQuote(quote: string, limit: number | null): string {
  if (limit === null) return quote
  const chars = graphemes(quote)
  if (chars.length <= limit) return quote
  const budget = Math.max(2, limit - 5) // what « […] » with its two spaces takes
  const headLength = Math.ceil(budget / 2)
  const tailStart = chars.length - (budget - headLength)

  let head = chars.slice(0, headLength).join('')
  if (!BREAKABLE_SPACE.test(chars[headLength] ?? ' ')) {
    const lastSpace = lastIndexOfPattern(head, BREAKABLE_SPACE)
    if (lastSpace > 0) head = head.slice(0, lastSpace)
  }
  let tail = chars.slice(tailStart).join('')
  if (!BREAKABLE_SPACE.test(chars[tailStart - 1] ?? ' ')) {
    const firstSpace = tail.search(BREAKABLE_SPACE)
    if (firstSpace >= 0 && firstSpace < tail.length - 1) tail = tail.slice(firstSpace + 1)
  }
  return `${head.replace(/\s+$/u, '')} […] ${tail.replace(/^\s+/u, '')}`
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), ({ segment }) => segment)
}

function lastIndexOfPattern(text: string, pattern: RegExp): number {
  for (let index = text.length - 1; index >= 0; index--) if (pattern.test(text[index]!)) return index
  return -1
}
