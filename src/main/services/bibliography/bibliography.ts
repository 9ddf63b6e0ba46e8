/**
 * The library's bibliography out and in: articles written as CSL-JSON, BibTeX or RIS for
 * Zotero and the other reference managers, and a reference file's entries read back as
 * changes to an article's details. The shapes on both sides are CSL-JSON items
 * (shared/bibliography), so the formats differ only in the writer and the reader chosen.
 */
import { cslItem, citationSource, type CslItem } from '../../../shared/bibliography/cslItem'
import type { BibliographyFile, BibliographyFormat, ReferenceEntry } from '../../../shared/bibliography/formats'
import { BIBLIOGRAPHY_EXTENSIONS } from '../../../shared/bibliography/formats'
import { referenceChanges } from '../../../shared/bibliography/referenceChanges'
import type { ArticleMeta } from '../../../shared/domain/article'
import { Cite } from './citationJs'
import { formatRis } from './risWriter'

const MIME_TYPES: Record<BibliographyFormat, string> = {
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  'csl-json': 'application/vnd.citationstyles.csl+json'
}

/** Beyond this many entries a file is not one analyst's references; reading stops there. */
const MAX_ENTRIES = 5000

export function exportBibliography(
  metas: readonly ArticleMeta[],
  format: BibliographyFormat,
  baseName: string
): BibliographyFile {
  const items = metas.map((meta) => cslItem(citationSource(meta)))
  return {
    fileName: `${baseName}${BIBLIOGRAPHY_EXTENSIONS[format]}`,
    mimeType: MIME_TYPES[format],
    content: formatBibliography(items, format),
    count: items.length
  }
}

export function formatBibliography(items: readonly CslItem[], format: BibliographyFormat): string {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`
  if (format === 'ris') return formatRis(items)
  if (items.length === 0) return ''
  // citation-js repeats a web page's address as `howpublished`, unescaped; `url` already has it.
  return new Cite(items.map(escapedForBibtex)).format('bibtex').replace(/^\thowpublished = \{.*\},\n/gm, '')
}

/** The characters BibTeX and LaTeX read as commands, written as the commands that print them. */
const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}'
}

function escapeBibtex(text: string): string {
  return text.replace(/[\\~^{}%&$#_]/g, (char) => BIBTEX_SPECIALS[char] ?? `\\${char}`)
}

/** Text fields escaped; the address is not, as BibTeX's `url` field is taken verbatim. */
function escapedForBibtex(item: CslItem): CslItem {
  const escaped: CslItem = { ...item, title: escapeBibtex(item.title) }
  for (const field of ['container-title', 'publisher', 'publisher-place'] as const) {
    const value = item[field]
    if (value) escaped[field] = escapeBibtex(value)
  }
  if (item.author) {
    escaped.author = item.author.map((name) =>
      Object.fromEntries(Object.entries(name).map(([part, value]) => [part, escapeBibtex(value)]))
    )
  }
  return escaped
}

/**
 * Every entry of a reference file, as article changes; none when the file is not one of
 * the three formats or holds nothing readable. The format is told from the text, never
 * guessed by citation-js, whose guesses include fetching a text that looks like an address.
 */
export function readReferences(text: string): ReferenceEntry[] {
  const items = parseReferences(text.replace(/^\uFEFF/, ''))
  return items
    .slice(0, MAX_ENTRIES)
    .map((item) => ({ changes: referenceChanges(item) }))
    .filter((entry) => entry.changes.title !== undefined)
}

function parseReferences(text: string): Record<string, unknown>[] {
  const trimmed = text.trim()
  try {
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) return cslJson(trimmed)
    if (/^TY {2}- /m.test(trimmed)) return risEntries(trimmed)
    if (/^\s*@[a-z]+\s*[{(]/im.test(trimmed)) return new Cite(trimmed, { forceType: '@biblatex/text' }).data
  } catch {
    // A file that claims a format and then breaks it holds nothing Dossier can use.
  }
  return []
}

/** CSL-JSON is already the shape wanted: an array of items, or one item alone. */
function cslJson(text: string): Record<string, unknown>[] {
  const parsed: unknown = JSON.parse(text)
  const list: unknown[] = Array.isArray(parsed) ? parsed : [parsed]
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
}

/**
 * citation-js reads a newspaper article's RIS as the 2011 RIS specification has it (AU as
 * the reporter, as unparsed text, and the year alone), where Zotero and the other managers
 * read AU as the author and DA as the date. Read as a magazine article, whose tags mean just
 * that, it comes back whole; its type is then put back.
 */
function risEntries(text: string): Record<string, unknown>[] {
  const newspaper: boolean[] = []
  const asMagazine = text.replace(/^TY {2}- *(\S*)/gm, (_line, type: string) => {
    newspaper.push(type.toUpperCase() === 'NEWS')
    return newspaper.at(-1) ? 'TY  - MGZN' : `TY  - ${type}`
  })
  const items = new Cite(asMagazine, { forceType: '@ris/file' }).data
  return items.map((item, index) => (newspaper[index] ? { ...item, type: 'article-newspaper' } : item))
}
