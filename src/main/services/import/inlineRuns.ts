/**
 * Collects formatted text into the `text` + `runs` pair a block stores, for both the
 * Markdown and the HTML importers.
 *
 * It owns the two invariants the reading pane relies on: the runs concatenated equal the
 * block's text, and no block text contains a line break (a break inside a text node
 * would shift every offset the anchors measure). It also collapses white space the way
 * a browser renders it, while keeping the no-break spaces of French typography.
 */
import type { InlineMark, InlineRun } from '../../../shared/domain/article'

export interface RunStyle {
  marks: readonly InlineMark[]
  href?: string
}

export const PLAIN_STYLE: RunStyle = { marks: [] }

export interface BlockContent {
  text: string
  runs?: InlineRun[]
}

const MARK_ORDER: readonly InlineMark[] = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
  'superscript',
  'subscript'
]

/** HTML's collapsible white space: ASCII only, so U+00A0 and U+202F are kept as written. */
const COLLAPSIBLE_SPACE = /[ \t\n\r\f]+/g

export function withMark(style: RunStyle, mark: InlineMark): RunStyle {
  if (style.marks.includes(mark)) return style
  const marks = MARK_ORDER.filter((known) => known === mark || style.marks.includes(known))
  return { ...style, marks }
}

export function withHref(style: RunStyle, href: string | null): RunStyle {
  if (href) return { ...style, href }
  if (style.href === undefined) return style
  return { marks: style.marks }
}

export class InlineCollector {
  /** Earlier segments of what is being collected: `<br><br>` closes one and starts the next. */
  private finished: InlineRun[][] = []
  private current: InlineRun[] = []
  private pendingLineBreaks = 0

  /** Text as a browser shows it: runs of white space become one space. */
  addCollapsed(text: string, style: RunStyle): void {
    const collapsed = text.replace(COLLAPSIBLE_SPACE, ' ')
    if (collapsed === ' ' && this.pendingLineBreaks > 0) return
    this.settleLineBreaks()
    this.append(this.endsWithSpace() ? collapsed.replace(/^ /, '') : collapsed, style)
  }

  /** Text whose spacing matters (code): kept as it is, apart from line breaks. */
  addVerbatim(text: string, style: RunStyle): void {
    this.settleLineBreaks()
    this.append(text.replace(/\n/g, ' '), style)
  }

  lineBreak(): void {
    this.pendingLineBreaks += 1
  }

  /** Ends the current segment: what follows is a new block of the same kind. */
  breakBlock(): void {
    this.pendingLineBreaks = 0
    if (this.current.length === 0) return
    this.finished.push(this.current)
    this.current = []
  }

  hasText(): boolean {
    return [...this.finished, this.current].some((segment) => segment.some((run) => /\S/.test(run.text)))
  }

  /** The collected blocks' content, dropping any that hold no visible text; then resets. */
  take(): BlockContent[] {
    const contents = [...this.finished, this.current].map(toBlockContent).filter((content) => /\S/.test(content.text))
    this.finished = []
    this.current = []
    this.pendingLineBreaks = 0
    return contents
  }

  /** One `<br>` reads as a space; two or more in a row separate paragraphs, as they look. */
  private settleLineBreaks(): void {
    const breaks = this.pendingLineBreaks
    this.pendingLineBreaks = 0
    if (breaks >= 2) this.breakBlock()
    else if (breaks === 1 && !this.endsWithSpace()) this.append(' ', PLAIN_STYLE)
  }

  private append(text: string, style: RunStyle): void {
    if (!text) return
    const last = this.current.at(-1)
    if (last && sameStyle(last, style)) last.text += text
    else this.current.push(makeRun(text, style))
  }

  /** True at the start of a block too, so that leading white space is dropped. */
  private endsWithSpace(): boolean {
    const last = this.current.at(-1)
    return last === undefined || last.text.endsWith(' ')
  }
}

function makeRun(text: string, style: RunStyle): InlineRun {
  const run: InlineRun = { text }
  if (style.marks.length > 0) run.marks = [...style.marks]
  if (style.href) run.href = style.href
  return run
}

function sameStyle(run: InlineRun, style: RunStyle): boolean {
  const marks = run.marks ?? []
  return run.href === style.href && marks.length === style.marks.length && marks.every((m, i) => m === style.marks[i])
}

function toBlockContent(segment: readonly InlineRun[]): BlockContent {
  const runs = trimTrailingSpace(segment)
  const text = runs.map((run) => run.text).join('')
  const isPlain = runs.every((run) => !run.marks && !run.href)
  return isPlain ? { text } : { text, runs }
}

function trimTrailingSpace(segment: readonly InlineRun[]): InlineRun[] {
  const runs = segment.map((run) => ({ ...run }))
  let last = runs.at(-1)
  while (last && last.text.endsWith(' ')) {
    last.text = last.text.replace(/ +$/, '')
    if (last.text === '') runs.pop()
    last = runs.at(-1)
  }
  return runs
}
