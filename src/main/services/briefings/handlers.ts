/**
 * The briefing half of the API: storing briefings, composing them over the library and
 * exporting them. `dossier.ts` spreads these handlers into its map; they live apart because
 * composing needs notes, articles, tags and briefings together, and that gathering (which
 * notes files to open, which paragraph a quote starts in) is its own concern.
 *
 * Every time a briefing is composed here its snapshots are refreshed, so a note or article
 * deleted for good later is still cited as the briefing last showed it.
 */
import { randomUUID } from 'node:crypto'
import type { ApiHandlers } from '../../../shared/api/contract'
import { ServiceError } from '../../../shared/api/dispatch'
import { hostMessage } from '../../../shared/domain/hostMessages'
import { serialQueue } from '../../../shared/async/serialQueue'
import {
  composeBriefingWithSnapshots,
  type BriefingLibrary,
  type ComposedWithSnapshots
} from '../../../shared/briefing/compose'
import { applyBriefingChanges } from '../../../shared/briefing/changes'
import { countItems } from '../../../shared/briefing/document'
import { briefingFileName } from '../../../shared/briefing/fileName'
import {
  DOSSIER_CITATION_STYLE,
  isEmptyBriefingFilter,
  newBriefing,
  type Briefing,
  type BriefingExportFile
} from '../../../shared/briefing/spec'
import type { ArticleMeta } from '../../../shared/domain/article'
import { blockSpans } from '../../../shared/domain/blockSpans'
import type { ArticleStore } from '../articleStore'
import type { CitationStyles } from '../citations/briefingCitations'
import { lazyDocxExporter } from '../export/docxLazy'
import type { BriefingExporter, ExportFormat } from '../export/exporter'
import { htmlExporter, renderBriefingHtml } from '../export/html'
import { jsonLdExporter } from '../export/jsonld'
import { markdownExporter } from '../export/markdown'
import { pdfExporter, type PrintToPdf } from '../export/pdf'
import type { NoteStore } from '../noteStore'
import type { TagStore } from '../tagStore'
import type { BriefingStore } from './briefingStore'

export type { PrintToPdf } from '../export/pdf'

export interface BriefingServiceDependencies {
  briefings: BriefingStore
  articles: ArticleStore
  notes: NoteStore
  tags: TagStore
  now: () => Date
  /** The styles a briefing's citations are written in; without them, every briefing uses Dossier's own form. */
  styles?: CitationStyles
  /** Only the desktop app has a printer engine to hand (Electron's printToPDF); without it, no PDF export. */
  printToPdf?: PrintToPdf
  /** Told when an article's notes file cannot be read: the briefing goes on without that article (a notice, in the app). */
  onUnreadableNotes?: (article: ArticleMeta, error: unknown) => void
}

/** An article left out of a composition because its notes file could not be read. */
export interface UnreadableArticle {
  articleId: string
  title: string
}

/** A composition, with the articles it had to leave out (none, normally). */
export type ComposedWithGaps = ComposedWithSnapshots & { unreadableArticles: UnreadableArticle[] }

type BriefingMethod =
  | 'listBriefings'
  | 'getBriefing'
  | 'createBriefing'
  | 'updateBriefing'
  | 'duplicateBriefing'
  | 'deleteBriefing'
  | 'restoreBriefing'
  | 'composeBriefing'
  | 'previewBriefing'
  | 'exportBriefing'
  | 'listCitationStyles'
  | 'addCitationStyle'

export type BriefingHandlers = Pick<ApiHandlers, BriefingMethod>

export interface BriefingService {
  handlers: BriefingHandlers
  /**
   * Refreshes every briefing's snapshots while the given articles still exist: called
   * just before they are deleted for good, so briefings cite their notes as they last were.
   */
  snapshotBeforeDeleting(articleIds: readonly string[]): Promise<void>
}

export const PDF_NEEDS_DESKTOP = 'PDF export needs the desktop app; in the browser, use Print → Save as PDF.'

/** The exporter of each format this host can write; PDF only where there is a printer engine. */
function exportersFor(printToPdf: PrintToPdf | undefined): Partial<Record<ExportFormat, BriefingExporter>> {
  return {
    markdown: markdownExporter,
    html: htmlExporter,
    docx: lazyDocxExporter,
    jsonld: jsonLdExporter,
    ...(printToPdf ? { pdf: pdfExporter(printToPdf) } : {})
  }
}

/** Where each block of an article starts and ends in its plain text, for one version of the text. */
interface BlockTable {
  version: string
  starts: number[]
  ends: number[]
  /** The page each block starts on, for articles imported from a PDF; null for the others. */
  pages: (number | null)[]
}

export function createBriefingService(deps: BriefingServiceDependencies): BriefingService {
  const { briefings, articles, notes, tags, now } = deps
  const exporters = exportersFor(deps.printToPdf)
  const blockTables = new Map<string, BlockTable>()

  const allMetas = (): ArticleMeta[] => [...articles.list(), ...articles.listTrash()]

  /**
   * Which notes files a briefing needs. A filter naming articles needs only those (and the
   * articles its snapshots point into, to tell a live note from a deleted one); a filter
   * with no criterion needs only its hand-picked notes. A note picked by hand that has no
   * snapshot yet could be anywhere, and so could a note matching tags, colours or text.
   */
  const articlesToRead = (briefing: Briefing): Set<string> | 'all' => {
    const needed = new Set(Object.values(briefing.snapshots).map((snapshot) => snapshot.articleId))
    if (briefing.includedNoteIds.some((noteId) => !briefing.snapshots[noteId])) return 'all'
    if (isEmptyBriefingFilter(briefing.filter)) return needed
    if (briefing.filter.articleIds.length === 0) return 'all'
    for (const articleId of briefing.filter.articleIds) needed.add(articleId)
    return needed
  }

  /**
   * The notes, articles and tags a composition reads. One unreadable notes file fails only
   * its article: it is left out, named in `unreadable`, and the rest composes.
   */
  const loadLibrary = async (
    forBriefings: readonly Briefing[]
  ): Promise<{ library: Omit<BriefingLibrary, 'paragraphOf'>; unreadable: UnreadableArticle[] }> => {
    const metas = allMetas()
    const sets = forBriefings.map(articlesToRead)
    const wanted = new Set(sets.flatMap((set) => (set === 'all' ? [] : [...set])))
    // Articles deleted for good have no notes file left to open: their snapshots stand in.
    const read = metas.filter((meta) => sets.includes('all') || wanted.has(meta.id))
    const lists = []
    const unreadable: UnreadableArticle[] = []
    for (const meta of read) {
      try {
        lists.push(await notes.list(meta.id), await notes.articleNotes.list(meta.id))
      } catch (error) {
        unreadable.push({ articleId: meta.id, title: meta.title })
        deps.onUnreadableNotes?.(meta, error)
      }
    }
    return { library: { notes: lists.flat(), articles: metas, tags: tags.list() }, unreadable }
  }

  /**
   * The briefing as composed without the unreadable articles: their notes' snapshots are set
   * aside too, or they would be cited as notes deleted since, which they are not.
   */
  const withoutArticles = (briefing: Briefing, unreadable: readonly UnreadableArticle[]): Briefing => {
    if (unreadable.length === 0) return briefing
    const left = new Set(unreadable.map((article) => article.articleId))
    const snapshots = Object.fromEntries(
      Object.entries(briefing.snapshots).filter(([, snapshot]) => !left.has(snapshot.articleId))
    )
    return { ...briefing, snapshots }
  }

  /** Cached per article and text version: an edit in the reading pane changes `editedAt`. */
  const blockTable = async (articleId: string): Promise<BlockTable | null> => {
    const meta = allMetas().find((candidate) => candidate.id === articleId)
    if (!meta) return null
    const version = meta.editedAt ?? meta.importedAt
    const cached = blockTables.get(articleId)
    if (cached?.version === version) return cached
    let blocks
    try {
      blocks = (await articles.getBody(articleId)).blocks
    } catch {
      // A missing body costs the paragraph numbers, not the whole briefing.
      return null
    }
    const spans = blockSpans(blocks.map((block) => block.text.length))
    const starts = spans.map((span) => span.start)
    const ends = spans.map((span) => span.end)
    const pages = blocks.map((block) => block.page ?? null)
    const table = { version, starts, ends, pages }
    blockTables.set(articleId, table)
    return table
  }

  const compose = async (stored: Briefing): Promise<ComposedWithGaps> => {
    const { library, unreadable } = await loadLibrary([stored])
    const briefing = withoutArticles(stored, unreadable)
    // A first pass says which articles hold cited notes, so only their texts are read.
    const cited = new Set<string>()
    const recordCited = (articleId: string) => {
      cited.add(articleId)
      return null
    }
    composeBriefingWithSnapshots(briefing, { ...library, paragraphOf: recordCited }, now())
    const tables = new Map<string, BlockTable | null>()
    for (const articleId of cited) tables.set(articleId, await blockTable(articleId))
    const composed = composeBriefingWithSnapshots(
      briefing,
      {
        ...library,
        paragraphOf: (articleId, offset) => paragraphAt(tables.get(articleId) ?? null, offset),
        pageOf: (articleId, offset) => pageAt(tables.get(articleId) ?? null, offset)
      },
      now()
    )
    const unreadableArticles = unreadable
    if (!deps.styles || briefing.citationStyle === DOSSIER_CITATION_STYLE) return { ...composed, unreadableArticles }
    const document = await deps.styles.apply(composed.document, briefing.citationStyle, library.articles)
    return { ...composed, document, unreadableArticles }
  }

  /**
   * Composes and stores the snapshots when they changed; a plain preview does not mark the
   * briefing edited. One at a time, so a composition that started before an edit can never
   * store its older snapshots after the one that followed the edit.
   */
  const composing = serialQueue()
  const composeAndSnapshot = (briefingId: string): Promise<ComposedWithGaps> =>
    composing.run(() => composeAndStore(briefingId))
  const composeAndStore = async (briefingId: string): Promise<ComposedWithGaps> => {
    const briefing = briefings.get(briefingId)
    const composed = await compose(briefing)
    // Composed without an article: its snapshots are kept as they were, for when its notes can be read again.
    if (composed.unreadableArticles.length > 0) return composed
    const unchanged =
      JSON.stringify(composed.snapshots) === JSON.stringify(briefing.snapshots) &&
      JSON.stringify(composed.sourceSnapshots) === JSON.stringify(briefing.sourceSnapshots)
    if (!unchanged) {
      await briefings.change(briefingId, (stored) => {
        stored.snapshots = composed.snapshots
        stored.sourceSnapshots = composed.sourceSnapshots
      })
    }
    return composed
  }

  const refreshed = async (briefingId: string): Promise<Briefing> => {
    await composeAndSnapshot(briefingId)
    return briefings.get(briefingId)
  }

  const handlers: BriefingHandlers = {
    async listBriefings() {
      const all = briefings.list()
      const { library, unreadable } = await loadLibrary(all)
      return all.map((briefing) => ({
        id: briefing.id,
        title: briefing.frontMatter.title,
        updatedAt: briefing.updatedAt,
        noteCount: countItems(
          composeBriefingWithSnapshots(
            withoutArticles(briefing, unreadable),
            { ...library, paragraphOf: () => null },
            now()
          ).document
        )
      }))
    },
    async getBriefing({ briefingId }) {
      return briefings.get(briefingId)
    },
    async createBriefing({ title, filter, includedNoteIds, language }) {
      const briefing = applyBriefingChanges(newBriefing(randomUUID(), now(), title ?? ''), {
        filter: filter ?? {},
        includedNoteIds: includedNoteIds ?? [],
        language
      })
      await briefings.add(briefing)
      return refreshed(briefing.id)
    },
    async updateBriefing({ briefingId, changes }) {
      const at = now().toISOString()
      await briefings.change(briefingId, (briefing) => {
        Object.assign(briefing, applyBriefingChanges(briefing, changes), { updatedAt: at })
      })
      return refreshed(briefingId)
    },
    async duplicateBriefing({ briefingId }) {
      const source = briefings.get(briefingId)
      const at = now().toISOString()
      const suffix = source.language.startsWith('fr') ? ' (copie)' : ' (copy)'
      const copy: Briefing = {
        ...structuredClone(source),
        id: randomUUID(),
        createdAt: at,
        updatedAt: at,
        frontMatter: {
          ...source.frontMatter,
          // Stays within the title limit, so the copy can itself be restored after a deletion.
          title: `${[...source.frontMatter.title].slice(0, 500 - suffix.length).join('')}${suffix}`
        }
      }
      return briefings.add(copy)
    },
    async deleteBriefing({ briefingId }) {
      return { briefing: await briefings.remove(briefingId) }
    },
    async restoreBriefing({ briefing }) {
      return briefings.add(briefing)
    },
    async composeBriefing({ briefingId }) {
      const { document, candidates, unreadableArticles } = await composeAndSnapshot(briefingId)
      // Which articles were left out, for the composer to name; the type says what every caller reads.
      const composed = { document, candidates, unreadableArticles }
      return composed
    },
    async previewBriefing({ briefingId, paper }) {
      const { document } = await composeAndSnapshot(briefingId)
      return { html: renderBriefingHtml(document, { paper }) }
    },
    async exportBriefing({ briefingId, format, paper }): Promise<BriefingExportFile> {
      const exporter = exporters[format]
      if (!exporter) throw new ServiceError('invalid-input', PDF_NEEDS_DESKTOP, hostMessage('briefing.pdfNeedsDesktop'))
      const { document } = await composeAndSnapshot(briefingId)
      const bytes = await exporter.export(document, { paper })
      const date = /^\d{4}-\d{2}-\d{2}$/.test(document.frontMatter.date)
        ? document.frontMatter.date
        : now().toISOString().slice(0, 10)
      return {
        fileName: briefingFileName(document.frontMatter.title, date, exporter.extension),
        mimeType: exporter.mimeType,
        dataBase64: Buffer.from(bytes).toString('base64'),
        noteCount: countItems(document)
      }
    },
    async listCitationStyles() {
      return deps.styles?.list() ?? []
    },
    async addCitationStyle({ fileName, content }) {
      if (!deps.styles) {
        throw new ServiceError(
          'invalid-input',
          'Citation styles are not available here.',
          hostMessage('briefing.noCitationStyles')
        )
      }
      return deps.styles.add(fileName, content)
    }
  }

  return {
    handlers,
    async snapshotBeforeDeleting(articleIds) {
      if (articleIds.length === 0) return
      for (const briefing of briefings.list()) await composeAndSnapshot(briefing.id)
      for (const articleId of articleIds) blockTables.delete(articleId)
    }
  }
}

/** 1-based block holding the offset; an offset on the blank line between blocks belongs to the next one. */
export function paragraphAt(table: Pick<BlockTable, 'starts' | 'ends'> | null, offset: number): number | null {
  if (!table || table.starts.length === 0 || offset < 0) return null
  let low = 0
  let high = table.starts.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (table.starts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  if (offset >= table.ends[low]! && low + 1 < table.starts.length) return low + 2
  return low + 1
}

/** The page of the PDF the block holding the offset starts on, or null for an article without pages. */
export function pageAt(table: Pick<BlockTable, 'starts' | 'ends' | 'pages'> | null, offset: number): number | null {
  const paragraph = paragraphAt(table, offset)
  return paragraph === null ? null : (table?.pages[paragraph - 1] ?? null)
}
