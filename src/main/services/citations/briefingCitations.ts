/**
 * Citation styles for briefings: the catalogue (APA as @citation-js/plugin-csl ships it,
 * Dossier's ISO 690 house style, and those the analyst added), and the step that writes a
 * composed briefing's citations and sources list in its style. The composer stays free of
 * CSL: it resolves notes and numbers sources, and this adds the style's words on top.
 */
import bundledStyleFiles from '@citation-js/plugin-csl/lib/styles.json'
import { ServiceError } from '../../../shared/api/dispatch'
import { hostMessage } from '../../../shared/domain/hostMessages'
import { citationSource, cslItem, type CitationSource } from '../../../shared/bibliography/cslItem'
import type { BriefingDocument, BriefingSource } from '../../../shared/briefing/document'
import type { CitationStyleInfo, StyledCitations, StyledRun } from '../../../shared/briefing/styledCitations'
import type { ArticleMeta } from '../../../shared/domain/article'
import type { CslLocator } from './cslEngine'
import { HOUSE_STYLE_CSL, HOUSE_STYLE_ID } from './houseStyle'
import { checkStyle, loadCslEngine, styleTitle } from './styleCheck'
import type { StyleStore } from './styleStore'

interface CitationStyle extends CitationStyleInfo {
  xml: string
}

const APA_XML: string = bundledStyleFiles.apa

/** Shipped with the app; their ids never start with `custom-`, which added styles' always do. */
const BUNDLED: readonly CitationStyle[] = [
  { id: HOUSE_STYLE_ID, title: styleTitle(HOUSE_STYLE_CSL) ?? 'ISO 690', origin: 'bundled', xml: HOUSE_STYLE_CSL },
  { id: 'apa', title: styleTitle(APA_XML) ?? 'APA', origin: 'bundled', xml: APA_XML }
]

export interface CitationStyles {
  list(): CitationStyleInfo[]
  /** Checks a `.csl` file and keeps it; throws a ServiceError naming the file and the reason. */
  add(fileName: string, content: string): Promise<CitationStyleInfo>
  /** The document with its citations written in the style, or as it was for Dossier's own form or an unknown style. */
  apply(document: BriefingDocument, styleId: string, metas: readonly ArticleMeta[]): Promise<BriefingDocument>
}

export function citationStyles(store: StyleStore): CitationStyles {
  const all = (): CitationStyle[] => [
    ...BUNDLED,
    ...store.list().map((style) => ({ ...style, origin: 'added' as const }))
  ]
  return {
    list: () => all().map(({ xml: _xml, ...info }) => info),
    async add(fileName, content) {
      const check = await checkStyle(fileName, content)
      if (!check.ok) {
        // The frame and the file name in the interface's language; the check's own reason stays a detail.
        const prefix = `“${fileName}” was not added: `
        const detail = check.reason.startsWith(prefix) ? check.reason.slice(prefix.length) : check.reason
        const why = hostMessage('citation.notAdded', { fileName, reason: hostMessage('detail', { detail }) })
        throw new ServiceError('invalid-input', check.reason, why)
      }
      const added = await store.add({ title: check.title, fileName, addedAt: new Date().toISOString(), xml: content })
      return { id: added.id, title: added.title, origin: 'added', fileName: added.fileName }
    },
    async apply(document, styleId, metas) {
      const style = all().find((candidate) => candidate.id === styleId)
      if (!style) return document
      const styled = await styleCitations(document, style, metas)
      return styled ? { ...document, styled } : document
    }
  }
}

/** A PDF's page, else the paragraph: the place Dossier's own citations print too. */
function locatorOf(item: { page: number | null; paragraph: number | null }): CslLocator | null {
  if (item.page !== null) return { label: 'page', value: String(item.page) }
  if (item.paragraph !== null) return { label: 'paragraph', value: String(item.paragraph) }
  return null
}

/** An article deleted for good is cited from the briefing's copy of what it said. */
function fromSnapshot(source: BriefingSource): CitationSource {
  return {
    id: source.articleId,
    title: source.title,
    author: source.author,
    outlet: source.outlet,
    publishedAt: source.publishedAt,
    url: source.url,
    language: source.language
  }
}

/**
 * Every item's citation and every source's entry in the style, or null when the style fails
 * on these sources (it passed its check on a test citation, but a style may still choke on a
 * field): the briefing is then written in Dossier's own form rather than not at all.
 */
export async function styleCitations(
  document: BriefingDocument,
  style: Pick<CitationStyle, 'id' | 'title' | 'xml'>,
  metas: readonly ArticleMeta[]
): Promise<StyledCitations | null> {
  const live = new Map(metas.map((meta) => [meta.id, meta]))
  const items = document.sources.map((source) => {
    const meta = live.get(source.articleId)
    return cslItem(meta ? citationSource(meta) : fromSnapshot(source))
  })
  const articleOf = new Map(document.sources.map((source) => [source.number, source.articleId]))
  const { cslFormatter } = await loadCslEngine()
  try {
    const formatter = cslFormatter(style.xml, document.language, items)
    const cited = new Map<string, StyledRun[]>()
    const itemCitations: Record<string, StyledRun[]> = {}
    for (const section of document.sections) {
      for (const item of section.items) {
        const itemId = articleOf.get(item.sourceNumber)
        if (itemId === undefined) continue
        const locator = locatorOf(item)
        const key = `${itemId}\u0000${locator?.label ?? ''}\u0000${locator?.value ?? ''}`
        let runs = cited.get(key)
        if (!runs) cited.set(key, (runs = formatter.cite({ itemId, locator })))
        itemCitations[item.noteId] = runs
      }
    }
    const entries = formatter.entries()
    const sources: Record<number, StyledRun[]> = {}
    for (const source of document.sources) sources[source.number] = entries.get(source.articleId) ?? []
    return { styleId: style.id, styleTitle: style.title, items: itemCitations, sources }
  } catch {
    return null
  }
}
