/**
 * French typography's non-breaking spaces, so that « never ends a line alone and a « ? »
 * never starts one. French sets a space inside guillemets and before : ; ! ?; typed or
 * imported as an ordinary space it lets the browser break the line right there.
 *
 * Which space, after the Lexique des règles typographiques en usage à l'Imprimerie
 * nationale (and Unicode's guidance for U+202F): a full no-break space (U+00A0) inside
 * « » and before the colon, a narrow one (U+202F) before ; ! ?.
 *
 * Only an ordinary space already there is exchanged, one character for one: the text keeps
 * its length, so every offset (notes, runs, search) stays valid, and nothing is inserted
 * where the author wrote none (a URL's "://", a time "14:30", "«mot»" stay as written).
 */

/** Full no-break space: inside guillemets and before a colon. */
export const NO_BREAK_SPACE = '\u00a0'
/** Narrow no-break space: before ; ! ? */
export const NARROW_NO_BREAK_SPACE = '\u202f'

/**
 * One ordinary space between something and the mark. "Something" excludes whitespace so that
 * a space at the start of a line, or one of several, is left alone: indentation or a run of
 * spaces is the author's layout, not a typographic space.
 */
const SPACE_BEFORE_HIGH_PUNCTUATION = /(?<=[^\s]) (?=[;!?])/g
const SPACE_BEFORE_COLON = /(?<=[^\s]) (?=:)/g
const SPACE_BEFORE_CLOSING_GUILLEMET = /(?<=[^\s]) (?=»)/g
const SPACE_AFTER_OPENING_GUILLEMET = /(?<=«) (?=[^\s])/g

/** `text` with French no-break spaces where an ordinary one stood; always the same length. */
export function withFrenchSpacing(text: string): string {
  if (!/[;:!?«»]/.test(text)) return text
  return text
    .replace(SPACE_BEFORE_HIGH_PUNCTUATION, NARROW_NO_BREAK_SPACE)
    .replace(SPACE_BEFORE_COLON, NO_BREAK_SPACE)
    .replace(SPACE_BEFORE_CLOSING_GUILLEMET, NO_BREAK_SPACE)
    .replace(SPACE_AFTER_OPENING_GUILLEMET, NO_BREAK_SPACE)
}

/** Whether an article in `language` (ISO 639-1, as stored) is set the French way. */
export function usesFrenchSpacing(language: string | null | undefined): boolean {
  return language === 'fr'
}

/**
 * Blocks with French spacing applied to their text and to their runs alike. The spacing is
 * decided on the whole block text (a space may sit in one run and the « ? » in the next), then
 * each run takes its own slice, which lines up because no length changes.
 */
export function withFrenchSpacingInBlocks<B extends { text: string; runs?: { text: string }[] }>(
  blocks: readonly B[]
): B[] {
  return blocks.map((block) => {
    const text = withFrenchSpacing(block.text)
    if (text === block.text) return block
    if (!block.runs) return { ...block, text }
    let offset = 0
    const runs = block.runs.map((run) => {
      const spaced = { ...run, text: text.slice(offset, offset + run.text.length) }
      offset += run.text.length
      return spaced
    })
    return { ...block, text, runs }
  })
}
