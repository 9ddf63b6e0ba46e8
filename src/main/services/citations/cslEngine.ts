/**
 * The one place Dossier runs a CSL processor. citeproc-js is used directly rather than
 * through @citation-js/plugin-csl: the plugin keeps styles and locales in one registry
 * shared by the whole process and formats through citation-js's own item model, while a
 * briefing needs an engine per style (bundled or added from a file), a locale forced to the
 * briefing's language, page and paragraph locators, and the processor's errors as they are,
 * to tell the analyst why a `.csl` file was refused. The plugin is still where the APA style
 * and the locale files come from: it bundles them, so nothing is ever fetched.
 */
import CSL from 'citeproc'
import locales from '@citation-js/plugin-csl/lib/locales.json'
import type { StyledRun } from '../../../shared/briefing/styledCitations'
import type { CslItem } from '../../../shared/bibliography/cslItem'
import { htmlToRuns } from './cslRuns'

/** The CSL locale files bundled with the app, by tag ('en-US', 'fr-FR', …). */
const LOCALES: Readonly<Record<string, string>> = locales
const FALLBACK_LOCALE = 'en-US'

/**
 * The bundled locale for a language: the exact tag when there is one ('fr-FR'), else the
 * first of the same language ('fr' → 'fr-FR'), else American English, CSL's own default.
 */
export function cslLocale(language: string): string {
  const wanted = language.trim().toLowerCase()
  const tags = Object.keys(LOCALES)
  const exact = tags.find((tag) => tag.toLowerCase() === wanted)
  if (exact) return exact
  const primary = wanted.split(/[-_]/)[0] ?? ''
  return tags.find((tag) => tag.toLowerCase().split('-')[0] === primary) ?? FALLBACK_LOCALE
}

/** A place in a source, as CSL names it: pages for a PDF, paragraphs otherwise. */
export interface CslLocator {
  label: 'page' | 'paragraph'
  value: string
}

export interface CslCite {
  itemId: string
  locator: CslLocator | null
}

/** One engine over one style, locale and set of items. */
export interface CslFormatter {
  /** The citation of one item, with its place when known. */
  cite(cite: CslCite): StyledRun[]
  /** Each item's entry of the style's bibliography, by item id; the citation without place when the style has none. */
  entries(): Map<string, StyledRun[]>
}

/**
 * Builds an engine. Throws what citeproc throws when the style cannot be read: callers that
 * take a style from the user turn that into a message (styleCheck.ts).
 */
export function cslFormatter(styleXml: string, language: string, items: readonly CslItem[]): CslFormatter {
  const byId = new Map(items.map((item) => [item.id, item]))
  const engine = new CSL.Engine(
    {
      retrieveLocale: (tag) => LOCALES[tag] ?? LOCALES[cslLocale(tag)],
      retrieveItem: (id) => byId.get(id)
    },
    styleXml,
    cslLocale(language),
    // The briefing's language wins over the style's default-locale: a French briefing in an
    // English style says « consulté le », and the other way round.
    true
  )
  engine.setOutputFormat('html')
  engine.updateItems([...byId.keys()])
  const cite = ({ itemId, locator }: CslCite): StyledRun[] =>
    htmlToRuns(
      engine.makeCitationCluster([{ id: itemId, ...(locator ? { locator: locator.value, label: locator.label } : {}) }])
    )
  return {
    cite,
    entries() {
      const entries = new Map<string, StyledRun[]>()
      const bibliography = engine.makeBibliography()
      if (bibliography) {
        const [settings, html] = bibliography
        settings.entry_ids.forEach((ids, index) => {
          const id = ids[0]
          if (id !== undefined) entries.set(id, htmlToRuns(html[index] ?? ''))
        })
      }
      for (const id of byId.keys()) if (!entries.has(id)) entries.set(id, cite({ itemId: id, locator: null }))
      return entries
    }
  }
}
