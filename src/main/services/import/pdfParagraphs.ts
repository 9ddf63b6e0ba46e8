/**
 * Lines in reading order (pdfLayout.ts) become article blocks: lines of one paragraph
 * are joined, a word hyphenated at a line end is made whole again, a paragraph that runs
 * on into the next column or page is kept in one piece, and lines set larger than the
 * body text become headings. Every block keeps the page it starts on, so a citation can
 * say « p. 12 ». Pure, like the layout rules.
 */
import type { ArticleBlock } from '../../../shared/domain/article'
import type { PdfLine } from './pdfLayout'

/** Words found in the document itself, the only dictionary an offline importer has. */
export interface Vocabulary {
  /** Lower-case words seen whole (not split at a line end). */
  words: ReadonlySet<string>
  /** Lower-case hyphenated compounds seen whole, e.g. « porte-parole ». */
  compounds: ReadonlySet<string>
}

/**
 * What follows a hyphen in French inversions and compounds with a pronoun (« dit-il »,
 * « celui-ci », « lui-même »): never a piece of a split word.
 */
const HYPHENATED_PARTICLES = new Set([
  'je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles',
  'moi', 'toi', 'lui', 'leur', 'ci', 'là', 'même', 'mêmes'
]) // prettier-ignore

/**
 * First halves that French and English write with a hyphen before another word
 * (« porte-parole », « après-guerre », « non-lieu », « vice-président », « self-defence »):
 * evidence for a compound when the document has no other.
 */
const COMPOUND_FIRST_WORDS = new Set([
  'après', 'arrière', 'avant', 'contre', 'demi', 'ex', 'garde', 'grand', 'grande', 'haut', 'mi',
  'non', 'porte', 'semi', 'sous', 'vice', 'self', 'well'
]) // prettier-ignore

/** A line ending with one of these (closing quotes and brackets aside) ends a sentence. */
const SENTENCE_END = /[.!?…:;][\s\u00a0\u202f]*[»”"’)\]]?$/u
/** A line this much larger than the body text is a heading. */
const HEADING_SIZE_RATIO = 1.15
/** Longer than this, large text is a lead paragraph set big, not a heading. */
const MAX_HEADING_CHARS = 200
/** Font sizes this close are the same size (rounding in the PDF's matrices). */
const SAME_SIZE = 0.5
/** A baseline gap wider than the body's line spacing times this is a paragraph break. */
const PARAGRAPH_GAP_RATIO = 1.3
/** Fewer baseline gaps than this in one size: the spacing is assumed, not measured. */
const MIN_SPACING_SAMPLES = 3
/** The line spacing assumed when too few lines say otherwise: the usual 120 % of the font size. */
const DEFAULT_LEADING = 1.2
/** A line indented by more than this share of the font size starts a paragraph. */
const INDENT_EMS = 0.8
/** A line ending this many font sizes before the column's right edge, after a full stop, ends its paragraph. */
const SHORT_LINE_EMS = 2

interface Block {
  lines: PdfLine[]
  text: string
}

export function vocabularyOf(lines: readonly PdfLine[]): Vocabulary {
  const words = new Set<string>()
  const compounds = new Set<string>()
  for (const line of lines) {
    // The last word of a line that ends with a hyphen is a piece, not a word.
    const text = line.text.replace(/[\p{L}-]*\p{L}[-‐]$/u, '')
    for (const token of text.toLowerCase().match(/\p{L}+(?:[-‐]\p{L}+)*/gu) ?? []) {
      if (/[-‐]/.test(token)) {
        compounds.add(token.replace(/‐/g, '-'))
        for (const part of token.split(/[-‐]/)) words.add(part)
      } else words.add(token)
    }
  }
  return { words, compounds }
}

/**
 * Joins the text of two lines of one paragraph. A hyphen at the end of the first line is
 * a line-break hyphen, dropped, unless the hyphen belongs to the words: before a capital
 * (« Jean-Pierre »), before a pronoun (« dit-il »), in a compound the document writes
 * whole elsewhere (« porte-parole »), or between two halves that are words of their own
 * in the document or a known compound opening (« porte », « après »). The joined word
 * written whole elsewhere wins over everything but the capital and the pronoun.
 */
export function joinLines(before: string, after: string, vocabulary: Vocabulary): string {
  if (/\s[-–—]$/.test(before)) return `${before} ${after}`
  const split = /(\p{L}+)[-‐]$/u.exec(before)
  const tail = /^\p{L}+(?:[-‐]\p{L}+)*/u.exec(after)?.[0]
  if (!split || !tail) return /[-–‐]$/.test(before) ? before + after : `${before} ${after}`
  const head = (split[1] as string).toLowerCase()
  const keep = keepsHyphen(head, tail, vocabulary)
  return keep ? `${before.slice(0, -1)}-${after}` : before.slice(0, -1) + after
}

/** `tail` is the next line's first word, with its own hyphens (« le-feu » after « cessez- »). */
function keepsHyphen(head: string, tail: string, vocabulary: Vocabulary): boolean {
  if (/^\p{Lu}/u.test(tail)) return true
  const lowerWord = tail.toLowerCase().replace(/‐/g, '-')
  if (vocabulary.compounds.has(`${head}-${lowerWord}`)) return true
  const lowerTail = lowerWord.split('-')[0] as string
  if (HYPHENATED_PARTICLES.has(lowerTail)) return true
  if (vocabulary.words.has(head + lowerTail)) return false
  if (COMPOUND_FIRST_WORDS.has(head)) return true
  return head.length >= 2 && lowerTail.length >= 2 && vocabulary.words.has(head) && vocabulary.words.has(lowerTail)
}

export function pdfLinesToBlocks(lines: readonly PdfLine[]): ArticleBlock[] {
  if (lines.length === 0) return []
  const vocabulary = vocabularyOf(lines)
  const leading = lineSpacings(lines)
  const rightEdges = columnRightEdges(lines)
  const blocks: Block[] = []
  for (const line of lines) {
    const current = blocks.at(-1)
    const previous = current?.lines.at(-1)
    if (current && previous && continuesParagraph(previous, line, current, leading, rightEdges)) {
      current.lines.push(line)
      current.text = joinLines(current.text, line.text, vocabulary)
    } else {
      blocks.push({ lines: [line], text: line.text })
    }
  }
  return typed(blocks)
}

function continuesParagraph(
  previous: PdfLine,
  line: PdfLine,
  block: Block,
  leading: ReadonlyMap<number, number>,
  rightEdges: ReadonlyMap<string, number>
): boolean {
  if (Math.abs(previous.fontSize - line.fontSize) > SAME_SIZE) return false
  if (previous.page !== line.page || previous.column !== line.column) {
    // A paragraph runs on into the next column or page when its sentence is unfinished.
    const first = block.lines[0] as PdfLine
    const endsHyphenated = /\p{L}[-‐]$/u.test(block.text)
    return (
      Math.abs(first.fontSize - line.fontSize) <= SAME_SIZE &&
      !SENTENCE_END.test(block.text) &&
      (endsHyphenated || /^\p{Ll}/u.test(line.text))
    )
  }
  const gap = previous.y - line.y
  const spacing = leading.get(line.fontSize) ?? line.fontSize * DEFAULT_LEADING
  if (gap <= 0 || gap > spacing * PARAGRAPH_GAP_RATIO) return false
  if (line.x0 > previous.x0 + INDENT_EMS * line.fontSize) return false
  const rightEdge = rightEdges.get(columnKey(previous)) ?? previous.x1
  const endsShort = previous.x1 < rightEdge - SHORT_LINE_EMS * previous.fontSize
  return !(endsShort && SENTENCE_END.test(previous.text))
}

/** The usual distance between baselines for each font size: the median of the gaps seen. */
function lineSpacings(lines: readonly PdfLine[]): Map<number, number> {
  const gaps = new Map<number, number[]>()
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1] as PdfLine
    const line = lines[index] as PdfLine
    const gap = previous.y - line.y
    const sameFlow = previous.page === line.page && previous.column === line.column
    if (!sameFlow || previous.fontSize !== line.fontSize || gap < line.fontSize * 0.9 || gap > line.fontSize * 3) {
      continue
    }
    gaps.set(line.fontSize, [...(gaps.get(line.fontSize) ?? []), gap])
  }
  const medians = new Map<number, number>()
  for (const [size, values] of gaps) {
    // A gap or two says nothing about the usual spacing (it may be the one paragraph break).
    if (values.length < MIN_SPACING_SAMPLES) continue
    const sorted = [...values].sort((a, b) => a - b)
    medians.set(size, sorted[Math.floor(sorted.length / 2)] as number)
  }
  return medians
}

function columnKey(line: PdfLine): string {
  return `${line.page}:${line.column}`
}

function columnRightEdges(lines: readonly PdfLine[]): Map<string, number> {
  const edges = new Map<string, number>()
  for (const line of lines) edges.set(columnKey(line), Math.max(edges.get(columnKey(line)) ?? 0, line.x1))
  return edges
}

/** Headings are the sizes above the body's (the size most characters are set in), largest first. */
function typed(blocks: readonly Block[]): ArticleBlock[] {
  const sizeOf = (block: Block) => (block.lines[0] as PdfLine).fontSize
  const characters = new Map<number, number>()
  for (const block of blocks) characters.set(sizeOf(block), (characters.get(sizeOf(block)) ?? 0) + block.text.length)
  const bodySize = [...characters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
  const isHeading = (block: Block) =>
    sizeOf(block) >= bodySize * HEADING_SIZE_RATIO && block.text.length <= MAX_HEADING_CHARS
  const headingSizes = [...new Set(blocks.filter(isHeading).map(sizeOf))].sort((a, b) => b - a)
  return blocks.map((block): ArticleBlock => {
    const page = (block.lines[0] as PdfLine).page
    if (!isHeading(block)) return { type: 'paragraph', text: block.text, page }
    const level = Math.min(headingSizes.indexOf(sizeOf(block)) + 1, 6) as 1 | 2 | 3 | 4 | 5 | 6
    return { type: 'heading', level, text: block.text, page }
  })
}
