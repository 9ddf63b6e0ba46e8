/**
 * A file name or other user-supplied string set inside a sentence of ours. A name holding a
 * right-to-left override (U+202E) or simply Arabic or Hebrew letters would otherwise reorder
 * the words around it and scramble the whole message. First-strong isolate (U+2068) … pop
 * directional isolate (U+2069) keeps its direction to itself, whatever it holds; the marks
 * are invisible.
 */
const FIRST_STRONG_ISOLATE = '\u2068'
const POP_DIRECTIONAL_ISOLATE = '\u2069'

/**
 * Formatting characters that open an embedding, override or isolate. A name that opens one
 * and never closes it would leak past our own closing mark, so they are dropped from it.
 */
const DIRECTIONAL_FORMATTING = /[\u202a-\u202e\u2066-\u2069]/g

export function isolateBidi(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${text.replace(DIRECTIONAL_FORMATTING, '')}${POP_DIRECTIONAL_ISOLATE}`
}
