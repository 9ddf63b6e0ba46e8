/**
 * Writes RIS, the tagged format every reference manager imports. Dossier writes it itself
 * rather than through citation-js, whose 0.7 RIS writer drops the authors and the full date
 * of a newspaper article and the site name of a web page; citation-js still reads RIS back
 * (import, tests). Tags are the ones Zotero's RIS import maps for each type.
 */
import type { CslDate, CslItem, CslName } from '../../../shared/bibliography/cslItem'
import type { ArticleItemType } from '../../../shared/domain/article'

const RIS_TYPES: Record<ArticleItemType, string> = {
  'article-newspaper': 'NEWS',
  'article-magazine': 'MGZN',
  'article-journal': 'JOUR',
  report: 'RPRT',
  webpage: 'ELEC',
  book: 'BOOK',
  chapter: 'CHAP',
  document: 'GEN'
}

/** RIS asks for CR LF line ends; readers accept them everywhere. */
const LINE_END = '\r\n'

export function formatRis(items: readonly CslItem[]): string {
  return items.map(risRecord).join(LINE_END) + (items.length > 0 ? LINE_END : '')
}

function risRecord(item: CslItem): string {
  const lines: [string, string | undefined][] = [
    ['TY', RIS_TYPES[item.type]],
    ['ID', item.id],
    ['TI', item.title],
    ...(item.author ?? []).map((name): [string, string] => ['AU', risName(name)]),
    ['T2', item['container-title']],
    ['PB', item.publisher],
    ['CY', item['publisher-place']],
    ['PY', item.issued ? String(item.issued['date-parts'][0]?.[0] ?? '') : undefined],
    ['DA', risDate(item.issued)],
    ['Y2', risDate(item.accessed)],
    ...pageTags(item.page),
    ['UR', item.URL],
    ['LA', item.language]
  ]
  const tagged = lines
    .filter((line): line is [string, string] => line[1] !== undefined && line[1] !== '')
    .map(([tag, value]) => `${tag}  - ${oneLine(value)}`)
  return [...tagged, 'ER  - '].join(LINE_END)
}

/** « Family, Given », the particle kept with the family name; an organisation as written. */
function risName(name: CslName): string {
  if (name.literal) return name.literal
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  return name.given ? `${family}, ${name.given}` : family
}

/** YYYY/MM/DD/, with empty places for what is not known (« 2023// »). */
function risDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts'][0]
  if (!parts || parts.length === 0) return undefined
  const [year, month, day] = parts
  const pad = (value: number | undefined): string => (value === undefined ? '' : String(value).padStart(2, '0'))
  return `${year}/${pad(month)}/${pad(day)}/`
}

function pageTags(page: string | undefined): [string, string | undefined][] {
  if (!page) return []
  const [start, end] = page.split(/\s*[-–—]+\s*/)
  return [
    ['SP', start],
    ['EP', end]
  ]
}

function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ')
}
