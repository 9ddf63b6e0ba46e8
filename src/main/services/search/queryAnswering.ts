/**
 * Answers a parsed query: from the index once it is ready, or by scanning every document
 * with the same tokenizer and matching rules while it loads; then turns the ranked
 * candidates into hits with snippets. Filters (`tag:`, `article:`) are judged on the live
 * library, so a trashed article or a removed tag drops out at once.
 */
import type { ArticleMeta } from '../../../shared/domain/article'
import { isArticleNote, type AnyNote } from '../../../shared/domain/note'
import type { ArticleHit, NoteHit } from '../../../shared/search/results'
import { tagIdsUnder, type Tag } from '../../../shared/tags/tags'
import { foldForSearch } from '../../../shared/text/fold'
import type { Field } from './indexStore'
import { ARTICLE_FIELDS, BOOST, NOTE_FIELDS, type LiveIndex } from './liveIndex'
import { allNotesOf, quoteOf, tagPathsOf, type LibraryReader } from './libraryReader'
import { firstMatch, snippetAround } from './snippet'
import { rankDocuments, type Matched } from './rankedQuery'
import { isFuzzyTerm, isPrefixTerm, matchKind, termSet, type ParsedQuery } from './terms'

/** MiniSearch's own weights for prefix and fuzzy matches, reused by the scan so both rank alike. */
const WEIGHT = { exact: 1, prefix: 0.375, fuzzy: 0.45 }
const NOTHING: ReadonlySet<string> = new Set()

export interface Candidate {
  kind: 'article' | 'note'
  articleId: string
  noteId?: string
  matched: Matched
  score: number
}

type Filters = ReturnType<typeof filtersFor>

/** Whether a document passes the query's filters, judged on the live library. */
function filtersFor(parsed: ParsedQuery, library: LibraryReader) {
  const live = new Map(library.articles.list().map((meta) => [meta.id, meta]))
  const tagSets = parsed.tagPaths.map((tagPath) => tagIdsUnder(library.tags.list(), tagPath))
  const titleOk = new Map<string, boolean>()
  const articlePasses = (articleId: string): boolean => {
    const meta = live.get(articleId)
    if (!meta) return false
    if (parsed.articleWords.length === 0) return true
    let ok = titleOk.get(articleId)
    if (ok === undefined) {
      const title = foldForSearch(meta.title)
      ok = parsed.articleWords.every((word) => title.includes(word))
      titleOk.set(articleId, ok)
    }
    return ok
  }
  return {
    live,
    articlesWanted: tagSets.length === 0,
    articlePasses,
    notePasses: (articleId: string, tagIds: readonly string[]) =>
      articlePasses(articleId) && tagSets.every((ids) => tagIds.some((id) => ids.has(id)))
  }
}

/** The best `limit` articles and `limit` notes the index finds, articles first. */
export function indexSearch(live: LiveIndex, library: LibraryReader, parsed: ParsedQuery, limit: number): Candidate[] {
  const filters = filtersFor(parsed, library)
  if (parsed.terms.length === 0) {
    const found: Candidate[] = []
    for (const [noteId, note] of live.notes) {
      if (filters.notePasses(note.articleId, note.tagIds)) {
        found.push({ kind: 'note', articleId: note.articleId, noteId, matched: new Map(), score: 0 })
      }
    }
    const createdAt = (candidate: Candidate) => live.notes.get(candidate.noteId!)!.createdAt
    found.sort((a, b) => compareStrings(createdAt(b), createdAt(a)))
    return [...filterOnlyArticles(parsed, filters, limit), ...found.slice(0, limit)]
  }
  const ranked = rankDocuments(live.index, {
    words: parsed.terms.map((term, i) => ({
      term,
      prefix: isPrefixTerm(parsed, i),
      fuzzy: isFuzzyTerm(term)
    })),
    fields: filters.articlesWanted ? [...ARTICLE_FIELDS, ...NOTE_FIELDS] : NOTE_FIELDS,
    boost: BOOST,
    hidden: live.hiddenDocs
  })
  // Filters are applied to the ranked list, not inside the search: only the top of it is ever looked at.
  const found: Candidate[] = []
  let articleCount = 0
  let noteCount = 0
  for (const result of ranked) {
    const { id } = result
    const rest = id.slice(2)
    if (id.startsWith('a:')) {
      if (articleCount < limit && filters.articlesWanted && filters.articlePasses(rest)) {
        articleCount++
        found.push({ kind: 'article', articleId: rest, matched: result.matched(), score: result.score })
      }
    } else if (noteCount < limit) {
      const note = live.notes.get(rest)
      if (note && filters.notePasses(note.articleId, note.tagIds)) {
        noteCount++
        found.push({
          kind: 'note',
          articleId: note.articleId,
          noteId: rest,
          matched: result.matched(),
          score: result.score
        })
      }
    }
    if (noteCount >= limit && (articleCount >= limit || !filters.articlesWanted)) break
  }
  return found
}

function filterOnlyArticles(parsed: ParsedQuery, filters: Filters, limit: number): Candidate[] {
  if (!filters.articlesWanted || parsed.articleWords.length === 0) return []
  return [...filters.live.keys()]
    .filter((articleId) => filters.articlePasses(articleId))
    .slice(0, limit)
    .map((articleId) => ({ kind: 'article' as const, articleId, matched: new Map(), score: 0 }))
}

/** The same rules as the index, applied to every document in turn: what answers while the index loads. */
export async function scanSearch(
  library: LibraryReader,
  parsed: ParsedQuery,
  limit: number,
  maybeYield: () => Promise<void>
): Promise<Candidate[]> {
  const filters = filtersFor(parsed, library)
  const articleHits: Candidate[] = []
  const noteHits: (Candidate & { createdAt: string })[] = []
  const byId = library.tagMap()
  for (const meta of filters.live.values()) {
    if (!filters.articlePasses(meta.id)) continue
    if (filters.articlesWanted && parsed.terms.length > 0) {
      let body = ''
      try {
        body = await library.bodyText(meta)
      } catch {
        // Searched without its text, as the index does.
      }
      const found = matchDocument(parsed, [
        ['title', meta.title],
        ['outlet', meta.outlet ?? ''],
        ['author', meta.author ?? ''],
        ['body', body]
      ])
      if (found) articleHits.push({ kind: 'article', articleId: meta.id, ...found })
    }
    let list: AnyNote[] = []
    try {
      list = await allNotesOf(library, meta.id)
    } catch {
      // Unreadable notes are left out here as they are from the index.
    }
    for (const note of list) {
      if (!filters.notePasses(meta.id, note.tagIds)) continue
      const base = { kind: 'note' as const, articleId: meta.id, noteId: note.id, createdAt: note.createdAt }
      if (parsed.terms.length === 0) {
        noteHits.push({ ...base, matched: new Map(), score: 0 })
        continue
      }
      const found = matchDocument(parsed, [
        ['quote', quoteOf(note)],
        ['text', note.text],
        ['tags', tagPathsOf(note, byId).join('\n')]
      ])
      if (found) noteHits.push({ ...base, ...found })
    }
    await maybeYield()
  }
  if (parsed.terms.length === 0) {
    noteHits.sort((a, b) => compareStrings(b.createdAt, a.createdAt))
    return [...filterOnlyArticles(parsed, filters, limit), ...noteHits.slice(0, limit)]
  }
  // Stable sorts: equal scores keep library order.
  articleHits.sort((a, b) => b.score - a.score)
  noteHits.sort((a, b) => b.score - a.score)
  return [...articleHits.slice(0, limit), ...noteHits.slice(0, limit)]
}

/** The hits for the candidates, in their order; a candidate whose article or note went meanwhile is dropped. */
export async function hitsFor(
  library: LibraryReader,
  candidates: readonly Candidate[]
): Promise<{ articles: ArticleHit[]; notes: NoteHit[] }> {
  const byId = library.tagMap()
  const metas = new Map(library.allMetas().map((meta) => [meta.id, meta]))
  // In parallel: reading bodies and notes files overlaps, and the order is kept by position.
  const hits = await Promise.all(
    candidates.map(async (candidate): Promise<ArticleHit | NoteHit | null> => {
      const meta = metas.get(candidate.articleId)
      if (!meta) return null
      if (candidate.kind === 'article') return articleHit(library, meta, candidate)
      const note = await library.notes.findAny(candidate.articleId, candidate.noteId!).catch(() => undefined)
      return note ? noteHit(meta, note, candidate, byId) : null
    })
  )
  return {
    articles: hits.filter((hit): hit is ArticleHit => hit !== null && 'title' in hit),
    notes: hits.filter((hit): hit is NoteHit => hit !== null && 'noteId' in hit)
  }
}

async function articleHit(library: LibraryReader, meta: ArticleMeta, candidate: Candidate): Promise<ArticleHit> {
  const terms = candidate.matched.get('body')
  let snippet: ArticleHit['snippet'] = null
  let offset: number | null = null
  if (terms && terms.size > 0) {
    try {
      const { text, first } = await library.firstInBody(meta, terms)
      if (first) {
        snippet = snippetAround(text, terms, first)
        offset = first.start
      }
    } catch {
      // The hit stands without its excerpt.
    }
  }
  return { articleId: meta.id, title: meta.title, outlet: meta.outlet, snippet, offset, score: candidate.score }
}

function noteHit(meta: ArticleMeta, note: AnyNote, candidate: Candidate, byId: ReadonlyMap<string, Tag>): NoteHit {
  const inText = candidate.matched.get('text') ?? NOTHING
  const textFirst = firstMatch(note.text, inText)
  return {
    ...(isArticleNote(note) ? { kind: 'article' as const } : {}),
    noteId: note.id,
    articleId: meta.id,
    articleTitle: meta.title,
    quote: snippetAround(quoteOf(note), candidate.matched.get('quote') ?? NOTHING),
    text: textFirst ? snippetAround(note.text, inText, textFirst) : null,
    tags: note.tagIds.flatMap((id) => {
      const tag = byId.get(id)
      return tag ? [{ path: tag.path, color: tag.color }] : []
    }),
    score: candidate.score
  }
}

/** Scores one document's fields against every query word; null unless every word matched somewhere. */
function matchDocument(parsed: ParsedQuery, fields: [Field, string][]): { matched: Matched; score: number } | null {
  const termSets = fields.map(([field, text]) => [field, termSet(text)] as const)
  const matched: Matched = new Map()
  let score = 0
  for (let i = 0; i < parsed.terms.length; i++) {
    const queryTerm = parsed.terms[i]!
    const prefix = isPrefixTerm(parsed, i)
    const fuzzy = isFuzzyTerm(queryTerm)
    let found = false
    for (const [field, terms] of termSets) {
      const add = (docTerm: string, kind: keyof typeof WEIGHT) => {
        found = true
        score += BOOST[field] * WEIGHT[kind]
        let set = matched.get(field)
        if (!set) matched.set(field, (set = new Set()))
        set.add(docTerm)
      }
      if (!prefix && !fuzzy) {
        if (terms.has(queryTerm)) add(queryTerm, 'exact')
        continue
      }
      for (const docTerm of terms) {
        const kind = matchKind(queryTerm, docTerm, prefix, fuzzy)
        if (kind) add(docTerm, kind)
      }
    }
    if (!found) return null
  }
  return { matched, score }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
