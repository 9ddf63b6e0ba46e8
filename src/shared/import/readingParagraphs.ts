/**
 * Turns plain text into article blocks that are pleasant to read.
 *
 * News text often arrives as one very long line (the shipped sample is 3,361 characters
 * with no paragraph break). Reading a wall of text is tiring, so such a text is regrouped
 * at sentence ends into paragraphs of a few sentences, and an inline teaser such as
 * "→ Lire aussi : …" becomes an aside. Only the white space at a break changes: no word or
 * punctuation mark is ever altered, added or removed.
 *
 * A text that has paragraphs of its own keeps them, however long: a citation's "§ n" must
 * name the source's n-th paragraph, so the author's structure wins over reading comfort.
 */
import type { ArticleBlock } from '../domain/article'

/** In a text without paragraphs of its own, paragraphs longer than this are regrouped. */
const LONG_PARAGRAPH_CHARS = 900
/**
 * A paragraph this long is prose, not a headline, byline or teaser line. A text with two
 * or more is structured by its author; one with fewer (the one-line sample, or a headline
 * and a byline above one wall of text) has no structure worth keeping.
 */
const PROSE_PARAGRAPH_CHARS = 200
/** A regrouped paragraph closes at the first sentence end after this many characters. */
const TARGET_PARAGRAPH_CHARS = 480

/**
 * A sentence ends with . ! ? or … (possibly followed by a closing guillemet or quote)
 * and the next one starts with a capital, an opening guillemet, a dash or an arrow.
 */
const SENTENCE_BREAK = /(?<=[.!?…](?:[\s\u00a0\u202f]*[»”"’)])?)\s+(?=[«“"—–→]|\p{Lu})/gu

/** Teasers that news sites put inline; they link to another article. */
const TEASER_START = /^(?:→|►|▶|>>)?\s*(?:À lire aussi|A lire aussi|Lire aussi|Voir aussi|Read more|See also)\s*[:：]/iu

/**
 * A teaser is a headline without a final full stop, so it ends where a new sentence
 * visibly begins: a lowercase word followed by a capitalised French determiner or pronoun.
 */
const TEASER_END =
  /(?<=[\p{Ll}\d»”)])\s+(?=(?:Le|La|Les|L['’]|Un|Une|Des|Il|Elle|Ils|Elles|Ce|Cette|Ces|Selon|Dans|En|Au|Aux|Pour|Mais|Depuis|The|A|An|In|On)[\s\p{L}])/u
const TEASER_MAX_CHARS = 220

export function plainTextToBlocks(text: string): ArticleBlock[] {
  const normalised = text.replace(/\r\n?/g, '\n')
  const paragraphs = normalised
    .split(/\n[ \t\u00a0]*\n+/)
    // Runs of spaces are layout, not words; one space also keeps the sentence patterns linear.
    .map((paragraph) =>
      paragraph
        .replace(/[ \t]+/g, ' ')
        .replace(/ ?\n ?/g, ' ')
        .trim()
    )
    .filter((paragraph) => paragraph.length > 0)
  if (hasParagraphStructure(paragraphs)) return paragraphs.map(classify)
  return paragraphs.flatMap((paragraph) =>
    paragraph.length > LONG_PARAGRAPH_CHARS ? regroupLongParagraph(paragraph) : [classify(paragraph)]
  )
}

function hasParagraphStructure(paragraphs: readonly string[]): boolean {
  return paragraphs.filter((paragraph) => paragraph.length >= PROSE_PARAGRAPH_CHARS).length >= 2
}

function classify(text: string): ArticleBlock {
  return { type: TEASER_START.test(text) ? 'aside' : 'paragraph', text }
}

function regroupLongParagraph(paragraph: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = []
  let current = ''
  const flush = (): void => {
    if (current) blocks.push({ type: 'paragraph', text: current })
    current = ''
  }
  for (const sentence of splitTeasers(splitSentences(paragraph))) {
    if (sentence.isTeaser) {
      flush()
      blocks.push({ type: 'aside', text: sentence.text })
      continue
    }
    current = current ? `${current} ${sentence.text}` : sentence.text
    if (current.length >= TARGET_PARAGRAPH_CHARS) flush()
  }
  flush()
  return blocks
}

function splitSentences(paragraph: string): string[] {
  return paragraph.split(SENTENCE_BREAK).filter((sentence) => sentence.length > 0)
}

interface Piece {
  text: string
  isTeaser: boolean
}

function splitTeasers(sentences: string[]): Piece[] {
  const pieces: Piece[] = []
  for (const sentence of sentences) {
    if (!TEASER_START.test(sentence)) {
      pieces.push({ text: sentence, isTeaser: false })
      continue
    }
    const end = TEASER_END.exec(sentence)
    if (end && end.index <= TEASER_MAX_CHARS) {
      pieces.push({ text: sentence.slice(0, end.index), isTeaser: true })
      pieces.push({ text: sentence.slice(end.index + end[0].length), isTeaser: false })
    } else {
      pieces.push({ text: sentence, isTeaser: true })
    }
  }
  return pieces
}

/**
 * A title for text that has none: the first sentence, cut at a word boundary so that it
 * fits a library row, with an ellipsis when something was cut.
 */
export function titleFromText(text: string, maxChars = 90): string {
  const firstSentence = (text.trim().split(SENTENCE_BREAK)[0] ?? '').replace(/\s+/g, ' ')
  if (firstSentence.length <= maxChars) return firstSentence.replace(/[.…]$/u, '')
  const cut = firstSentence.slice(0, maxChars + 1)
  const lastSpace = cut.lastIndexOf(' ')
  const head = (lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut.slice(0, maxChars)).replace(
    /[\s,;:–—-]+$/u,
    ''
  )
  return `${head}…`
}
