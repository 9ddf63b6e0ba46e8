/**
 * Judges a `.csl` file the analyst adds before anything is stored: it must be well-formed
 * XML, a CSL style (the CSL namespace, a <citation>), and citeproc must format a test
 * citation with it. A file that fails gets one message naming the file and the reason;
 * citeproc's own errors on broken XML are cryptic, so the XML is checked here first.
 */
import type { CslItem } from '../../../shared/bibliography/cslItem'
import { plainText } from '../../../shared/briefing/styledCitations'

/** citeproc and the locales load on the first style checked or applied, not with the host (about 100 ms). */
export const loadCslEngine = () => import('./cslEngine')

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl'

/** A style file over this is not a style: the largest in the Zotero repository is under 200 kB. */
export const LARGEST_STYLE_BYTES = 1_000_000

export type StyleCheck = { ok: true; title: string } | { ok: false; reason: string }

/** A newspaper article with an author, a date and a page: what every style can cite. */
const TEST_ITEM: CslItem = {
  id: 'dossier-style-check',
  type: 'article-newspaper',
  title: 'Test citation',
  author: [{ family: 'Benali', given: 'Nadia' }],
  'container-title': 'Le Desk',
  issued: { 'date-parts': [[2022, 7, 19]] },
  URL: 'https://example.org/article'
}

/** Reads a style file; `fileName` only names it in the message. */
export async function checkStyle(fileName: string, xml: string): Promise<StyleCheck> {
  const refuse = (reason: string): StyleCheck => ({ ok: false, reason: `“${fileName}” was not added: ${reason}` })
  if (xml.length > LARGEST_STYLE_BYTES) return refuse('it is too large to be a citation style.')
  const malformed = xmlProblem(xml)
  if (malformed) return refuse(`it is not well-formed XML (${malformed}).`)
  const root = /<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(stripProlog(xml))
  if (!root || root[1] !== 'style') return refuse('it is not a CSL style (its root element is not <style>).')
  if (!(root[2] ?? '').includes(CSL_NAMESPACE)) return refuse(`it is not a CSL style (no ${CSL_NAMESPACE} namespace).`)
  if (!/<citation[\s>]/.test(xml)) return refuse('the style has no <citation> element.')
  const { cslFormatter } = await loadCslEngine()
  try {
    const formatter = cslFormatter(xml, 'en-US', [TEST_ITEM])
    const citation = plainText(formatter.cite({ itemId: TEST_ITEM.id, locator: { label: 'page', value: '12' } }))
    if (citation.trim() === '') return refuse('the style formats the test citation as nothing.')
    formatter.entries()
  } catch (error) {
    return refuse(
      `the style could not format a test citation (${error instanceof Error ? error.message : String(error)}).`
    )
  }
  return { ok: true, title: styleTitle(xml) ?? fileName.replace(/\.csl$/i, '') }
}

/** The text of the style's <info><title>, entities decoded, or null. */
export function styleTitle(xml: string): string | null {
  const title = /<info[\s>][\s\S]*?<title[^>]*>([\s\S]*?)<\/title>/.exec(xml)?.[1]
  const text = title?.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim()
  return text ? text.slice(0, 200) : null
}

function stripProlog(xml: string): string {
  return xml.replace(/^\uFEFF?\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/, '')
}

/**
 * Why the text is not well-formed XML, or null: every element closed in order, and one root.
 * Comments, CDATA and processing instructions are skipped; attribute values are not parsed.
 */
export function xmlProblem(xml: string): string | null {
  // Positions, not lines: counting lines costs a pass over the text, paid only for the message.
  const open: { name: string; at: number }[] = []
  let roots = 0
  const lineAt = (index: number) => xml.slice(0, index).split('\n').length
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|</g
  for (const match of xml.matchAll(token)) {
    const [whole, closing, name, , selfClosing] = match
    const line = () => lineAt(match.index)
    if (whole === '<') return `a stray “<” on line ${line()}`
    if (!name) continue
    if (closing) {
      const top = open.pop()
      if (!top) return `</${name}> on line ${line()} closes nothing`
      if (top.name !== name) return `<${top.name}> on line ${lineAt(top.at)} is closed by </${name}> on line ${line()}`
    } else {
      if (open.length === 0 && ++roots > 1) return `a second root element <${name}> on line ${line()}`
      if (!selfClosing) open.push({ name, at: match.index })
    }
  }
  const unclosed = open.pop()
  if (unclosed) return `<${unclosed.name}> on line ${lineAt(unclosed.at)} is never closed`
  if (roots === 0) return 'there is no element at all'
  return null
}
