/**
 * A PDF has no paragraphs, only pieces of text placed on a page. This module puts the
 * pieces back into lines in reading order: pieces on one baseline become a line, two
 * columns are read one after the other, and running headers, footers and page numbers
 * that repeat from page to page are dropped. It knows nothing of pdf.js (the importer
 * converts its text items into `PdfTextRun`s), so the layout rules are tested with plain
 * numbers. Coordinates are PDF user space: x grows rightwards, y upwards, in points.
 */

/** One piece of text as the PDF placed it: `y` is the baseline, `fontSize` the glyph height. */
export interface PdfTextRun {
  text: string
  x: number
  y: number
  width: number
  fontSize: number
}

export interface PdfPageText {
  /** 1-based. */
  pageNumber: number
  width: number
  height: number
  runs: PdfTextRun[]
}

/** A line of text in reading order, with where it sat, for the paragraph rules. */
export interface PdfLine {
  text: string
  page: number
  x0: number
  x1: number
  y: number
  fontSize: number
  /** Which part of the page the line belongs to: a full-width line, or the left or right column. */
  column: 'full' | 'left' | 'right'
}

/** Runs whose baselines differ by less than this share of the font size sit on one line (sub/superscripts). */
const SAME_BASELINE = 0.4
/** A horizontal gap wider than this many font sizes separates two columns, not two words. */
const COLUMN_GAP_EMS = 1.5
/** A gap wider than this share of the font size is a space the PDF drew by moving, not by a space glyph. */
const WORD_GAP_EMS = 0.15
/** Each column must hold at least this many lines for a page to count as two-column. */
const MIN_COLUMN_LINES = 3
/** The gutter of a two-column page is searched in this middle band of the page width. */
const GUTTER_SEARCH = { from: 0.25, to: 0.75, step: 2 } as const
/** How many baselines at the top and at the bottom of a page can hold a running header or footer. */
const EDGE_BASELINES = 2
/**
 * A line at a page edge whose text (digits aside) comes back at the edge of at least this
 * share of the pages, and of two pages at least, is a running header or footer. A third
 * lets odd and even pages carry different headers and a title page carry none.
 */
const RUNNING_SHARE = 1 / 3
/** Soft hyphens are invisible in print; a PDF keeps them only as line-break hints. */
const SOFT_HYPHEN = /\u00ad/g
/** Typographic ligatures are one glyph but several letters: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ. œ and æ are letters of their own and stay. */
const LIGATURES = /[\ufb00-\ufb06]/g

/** The page's lines in reading order, running headers and footers already removed. */
export function pdfPagesToLines(pages: readonly PdfPageText[]): PdfLine[] {
  const pieces = pages.map((page) => {
    const lines = lineFragments(page)
    const edges = edgeBaselines(lines)
    return { page, lines, edges: lines.filter((line) => edges.has(line.y)) }
  })
  const running = runningLineKeys(pieces.map(({ edges }) => edges))
  return pieces.flatMap(({ page, lines, edges }) => {
    const dropped = new Set(edges.filter((line) => running.has(runningKey(line.text))))
    return inReadingOrder(
      lines.filter((line) => !dropped.has(line)),
      page.width
    )
  })
}

/** Ligatures as letters (NFKC for those only, never for œ), accents composed, soft hyphens gone. */
export function cleanPdfText(text: string): string {
  return text
    .replace(LIGATURES, (ligature) => ligature.normalize('NFKC'))
    .replace(SOFT_HYPHEN, '')
    .normalize('NFC')
}

type Fragment = Omit<PdfLine, 'column'>

/** Runs grouped by baseline, then split where the horizontal gap is a gutter. */
function lineFragments(page: PdfPageText): Fragment[] {
  const runs = page.runs
    .map((run) => ({ ...run, text: cleanPdfText(run.text) }))
    .filter((run) => run.text.length > 0 && run.fontSize > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x)
  const baselines: PdfTextRun[][] = []
  for (const run of runs) {
    const current = baselines.at(-1)
    const reference = current?.[0]
    if (
      current &&
      reference &&
      Math.abs(reference.y - run.y) < SAME_BASELINE * Math.min(reference.fontSize, run.fontSize)
    ) {
      current.push(run)
    } else {
      baselines.push([run])
    }
  }
  return baselines.flatMap((baseline) => splitAtGaps(baseline, page.pageNumber))
}

function splitAtGaps(baseline: PdfTextRun[], page: number): Fragment[] {
  const sorted = [...baseline].sort((a, b) => a.x - b.x)
  const fragments: Fragment[] = []
  let current: { runs: PdfTextRun[]; x1: number } | null = null
  for (const run of sorted) {
    if (current && run.x - current.x1 <= COLUMN_GAP_EMS * run.fontSize) {
      current.runs.push(run)
      current.x1 = Math.max(current.x1, run.x + run.width)
    } else {
      if (current) fragments.push(fragmentOf(current.runs, page))
      current = { runs: [run], x1: run.x + run.width }
    }
  }
  if (current) fragments.push(fragmentOf(current.runs, page))
  return fragments.filter((fragment) => fragment.text.length > 0)
}

function fragmentOf(runs: PdfTextRun[], page: number): Fragment {
  let text = ''
  let previousEnd: number | null = null
  for (const run of runs) {
    const gap = previousEnd === null ? 0 : run.x - previousEnd
    if (gap > WORD_GAP_EMS * run.fontSize && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' '
    text += run.text
    previousEnd = run.x + run.width
  }
  const first = runs[0] as PdfTextRun
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    page,
    x0: first.x,
    x1: Math.max(...runs.map((run) => run.x + run.width)),
    y: first.y,
    fontSize: dominantFontSize(runs)
  }
}

/** The size most of the line's characters are set in (a footnote mark does not make a line small). */
function dominantFontSize(runs: PdfTextRun[]): number {
  const weight = new Map<number, number>()
  for (const run of runs) {
    const size = Math.round(run.fontSize * 10) / 10
    weight.set(size, (weight.get(size) ?? 0) + run.text.length)
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
}

function edgeBaselines(lines: readonly Fragment[]): Set<number> {
  const baselines = [...new Set(lines.map((line) => line.y))].sort((a, b) => b - a)
  if (baselines.length <= EDGE_BASELINES * 2) return new Set(baselines)
  return new Set([...baselines.slice(0, EDGE_BASELINES), ...baselines.slice(-EDGE_BASELINES)])
}

/** Page numbers change from page to page; the words around them do not. */
export function runningKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/^[ivxlc]+$/, '#')
    .replace(/\s+/g, ' ')
    .trim()
}

function runningLineKeys(edgesPerPage: readonly Fragment[][]): Set<string> {
  const pagesPerKey = new Map<string, number>()
  for (const edges of edgesPerPage) {
    for (const key of new Set(edges.map((line) => runningKey(line.text)))) {
      pagesPerKey.set(key, (pagesPerKey.get(key) ?? 0) + 1)
    }
  }
  const needed = Math.max(2, Math.ceil(edgesPerPage.length * RUNNING_SHARE))
  return new Set([...pagesPerKey].filter(([, pages]) => pages >= needed).map(([key]) => key))
}

/**
 * Top to bottom, except that between two full-width lines (a title, a figure caption
 * across the page) the left column is read before the right one.
 */
function inReadingOrder(lines: readonly Fragment[], pageWidth: number): PdfLine[] {
  const byHeight = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0)
  const gutter = findGutter(byHeight, pageWidth)
  if (gutter === null) return byHeight.map((line) => ({ ...line, column: 'full' }))
  const ordered: PdfLine[] = []
  let left: PdfLine[] = []
  let right: PdfLine[] = []
  const flush = () => {
    ordered.push(...left, ...right)
    left = []
    right = []
  }
  for (const line of byHeight) {
    if (line.x1 <= gutter) left.push({ ...line, column: 'left' })
    else if (line.x0 >= gutter) right.push({ ...line, column: 'right' })
    else {
      flush()
      ordered.push({ ...line, column: 'full' })
    }
  }
  flush()
  return ordered
}

/**
 * The x of the gutter between two columns, or null for a one-column page: the vertical
 * line in the middle of the page that the fewest lines cross, provided enough lines sit
 * wholly on each side of it at the same heights.
 */
export function findGutter(lines: readonly Pick<PdfLine, 'x0' | 'x1' | 'y'>[], pageWidth: number): number | null {
  let best: { x: number; crossing: number } | null = null
  for (let x = pageWidth * GUTTER_SEARCH.from; x <= pageWidth * GUTTER_SEARCH.to; x += GUTTER_SEARCH.step) {
    const crossing = lines.filter((line) => line.x0 < x && line.x1 > x).length
    const closer = best && Math.abs(x - pageWidth / 2) < Math.abs(best.x - pageWidth / 2)
    if (!best || crossing < best.crossing || (crossing === best.crossing && closer)) best = { x, crossing }
  }
  if (!best) return null
  const gutter = best.x
  const left = lines.filter((line) => line.x1 <= gutter)
  const right = lines.filter((line) => line.x0 >= gutter)
  if (left.length < MIN_COLUMN_LINES || right.length < MIN_COLUMN_LINES) return null
  // Side by side: the columns share heights (a right-aligned signature under the text does not).
  const leftTop = Math.max(...left.map((line) => line.y))
  const leftBottom = Math.min(...left.map((line) => line.y))
  const besideLeft = right.filter((line) => line.y <= leftTop && line.y >= leftBottom)
  return besideLeft.length >= MIN_COLUMN_LINES ? gutter : null
}
