/**
 * Highlights are only worth keeping if they land on the same words after the article
 * changes, so these tests edit real French text the way re-imports and hand edits do and
 * check where, and in which state, each highlight re-attaches.
 */
import { describe, expect, it } from 'vitest'
import { CONTEXT_LENGTH, anchorSelectors, describeRange, type AnchorState, type TextAnchorSelectors } from './index'
import { rangeOf } from './testing/passages'

// From resources/sample-article.txt, split into paragraphs. "lieutenant-général Aviv
// Kochavi" occurs twice, which is what makes the stored context necessary.
const ARTICLE = [
  "Le chef d'état-major de l'armée israélienne, le lieutenant-général Aviv Kochavi, a démarré lundi sa visite au Maroc dont l'objectif est de « promouvoir la coopération militaire » entre les deux pays qui ont renforcé les liens en 2020 dans le cadre d'une campagne diplomatique américaine.",
  'Alors que le voyage du lieutenant-général Aviv Kochavi a été présenté par Israël dans le cadre de la coopération émergente en matière de défense avec le Maroc, Rabat a également tenté de négocier de meilleures conditions pour les Palestiniens.',
  "« L'un des sujets qui sera discuté (au Maroc) cette semaine sera le partage des connaissances, la formation – la capacité de s'entraîner ensemble dans des manœuvres conjointes – le développement d'armes, le transfert de savoir-faire et peut-être aussi d'armement », a déclaré le porte-parole de l'armée israélienne, le général de brigade Ran Kochav, à Ynet TV."
].join('\n\n')

const GENERAL = 'lieutenant-général Aviv Kochavi'
const NBSP = '\u00a0'

function select(text: string, quote: string, occurrence = 1): TextAnchorSelectors {
  return describeRange(text, rangeOf(text, quote, occurrence))
}

/** Replaces exactly one occurrence, so a typo in a test cannot silently edit nothing. */
function replaceOnce(text: string, search: string, replacement: string): string {
  const { start, end } = rangeOf(text, search)
  if (text.indexOf(search, start + 1) !== -1) throw new Error(`"${search}" is ambiguous`)
  return text.slice(0, start) + replacement + text.slice(end)
}

interface AnchorCase {
  name: string
  quote: string
  occurrence?: number
  edit: (text: string) => string
  expected: { state: Exclude<AnchorState, 'orphaned'>; quote: string; occurrence?: number } | { state: 'orphaned' }
}

const firstOccurrenceShiftedOntoSecond = (text: string): string => {
  // Pads the start so the first occurrence lands a few characters before where the
  // second one was: proximity now favours the wrong one and only context can decide.
  const distance = rangeOf(text, GENERAL, 2).start - rangeOf(text, GENERAL, 1).start
  return 'x'.repeat(distance - 5) + text
}

const cases: AnchorCase[] = [
  {
    name: 'unchanged text anchors where it was',
    quote: 'a démarré lundi sa visite au Maroc',
    edit: (text) => text,
    expected: { state: 'anchored', quote: 'a démarré lundi sa visite au Maroc' }
  },
  {
    name: 'second of two identical phrases, unchanged text',
    quote: GENERAL,
    occurrence: 2,
    edit: (text) => text,
    expected: { state: 'anchored', quote: GENERAL, occurrence: 2 }
  },
  {
    name: 'second of two identical phrases after an insertion at the start of the document',
    quote: GENERAL,
    occurrence: 2,
    edit: (text) => 'Mise à jour du 14 juillet : article révisé.\n\n' + text,
    expected: { state: 'anchored', quote: GENERAL, occurrence: 2 }
  },
  {
    name: 'second of two identical phrases when the first has moved closer to the old offsets',
    quote: GENERAL,
    occurrence: 2,
    edit: firstOccurrenceShiftedOntoSecond,
    expected: { state: 'anchored', quote: GENERAL, occurrence: 2 }
  },
  {
    name: 'first of two identical phrases after a deletion at the start of the document',
    quote: GENERAL,
    occurrence: 1,
    edit: (text) => replaceOnce(text, "Le chef d'état-major de ", 'Le chef de '),
    expected: { state: 'anchored', quote: GENERAL, occurrence: 1 }
  },
  {
    name: 'insertion just before the quote',
    quote: 'Rabat a également tenté de négocier',
    edit: (text) => replaceOnce(text, 'avec le Maroc, Rabat', 'avec le Royaume du Maroc, Rabat'),
    expected: { state: 'anchored', quote: 'Rabat a également tenté de négocier' }
  },
  {
    name: 'deletion of a whole paragraph before the quote',
    quote: 'Rabat a également tenté de négocier',
    edit: (text) => text.slice(text.indexOf('Alors que')),
    expected: { state: 'anchored', quote: 'Rabat a également tenté de négocier' }
  },
  {
    name: 'insertion just after the quote',
    quote: 'Rabat a également tenté de négocier',
    edit: (text) => replaceOnce(text, 'tenté de négocier de', 'tenté de négocier, sans succès, de'),
    expected: { state: 'anchored', quote: 'Rabat a également tenté de négocier' }
  },
  {
    name: 'deletion of everything after the quote',
    quote: 'Rabat a également tenté de négocier',
    edit: (text) => text.slice(0, text.indexOf(' de meilleures conditions')),
    expected: { state: 'anchored', quote: 'Rabat a également tenté de négocier' }
  },
  {
    name: 'one word changed inside the quote',
    quote: 'a démarré lundi sa visite au Maroc',
    edit: (text) => replaceOnce(text, 'démarré lundi', 'démarré mardi'),
    expected: { state: 'moved', quote: 'a démarré mardi sa visite au Maroc' }
  },
  {
    name: 'first word reworded: the new quote does not swallow the preceding ", "',
    quote: 'a démarré lundi sa visite au Maroc',
    edit: (text) => replaceOnce(text, 'a démarré lundi', 'entame lundi'),
    expected: { state: 'moved', quote: 'entame lundi sa visite au Maroc' }
  },
  {
    name: 'typographic apostrophe replacing a straight one',
    quote: "le porte-parole de l'armée israélienne",
    edit: (text) => replaceOnce(text, "porte-parole de l'armée", 'porte-parole de l’armée'),
    expected: { state: 'moved', quote: 'le porte-parole de l’armée israélienne' }
  },
  {
    // Only the kind of space changed (French spacing): the same words, so the note stays anchored, on the new characters.
    name: 'no-break spaces inside French guillemets',
    quote: '« promouvoir la coopération militaire »',
    edit: (text) =>
      replaceOnce(
        text,
        '« promouvoir la coopération militaire »',
        `«${NBSP}promouvoir la coopération militaire${NBSP}»`
      ),
    expected: { state: 'anchored', quote: `«${NBSP}promouvoir la coopération militaire${NBSP}»` }
  },
  {
    name: 'double space inside the quote',
    quote: 'promouvoir la coopération militaire',
    edit: (text) => replaceOnce(text, 'la coopération militaire', 'la  coopération militaire'),
    expected: { state: 'moved', quote: 'promouvoir la  coopération militaire' }
  },
  {
    name: 'paragraph split inside the quote',
    quote: "sa visite au Maroc dont l'objectif est de",
    edit: (text) => replaceOnce(text, 'Maroc dont', 'Maroc\n\ndont'),
    expected: { state: 'moved', quote: "sa visite au Maroc\n\ndont l'objectif est de" }
  },
  {
    name: 'paragraphs merged inside the quote',
    quote: 'campagne diplomatique américaine.\n\nAlors que le voyage',
    edit: (text) => replaceOnce(text, 'américaine.\n\nAlors', 'américaine. Alors'),
    expected: { state: 'moved', quote: 'campagne diplomatique américaine. Alors que le voyage' }
  },
  {
    name: 'paragraphs merged before the quote',
    quote: 'le général de brigade Ran Kochav',
    edit: (text) => text.replaceAll('\n\n', ' '),
    expected: { state: 'anchored', quote: 'le général de brigade Ran Kochav' }
  },
  {
    name: 'quote deleted along with its sentence',
    quote: 'le général de brigade Ran Kochav',
    edit: (text) => text.slice(0, text.indexOf('», a déclaré') + 1) + '.',
    expected: { state: 'orphaned' }
  },
  {
    name: 'quote deleted from the middle of its sentence',
    quote: 'Rabat a également tenté de négocier de meilleures conditions',
    edit: (text) => replaceOnce(text, ', Rabat a également tenté de négocier de meilleures conditions', ''),
    expected: { state: 'orphaned' }
  },
  {
    name: 'short quote found verbatim elsewhere',
    quote: 'TV',
    edit: (text) => 'TV5 Monde. ' + text,
    expected: { state: 'anchored', quote: 'TV', occurrence: 2 }
  },
  {
    name: 'a dateline prepended: a short word now at the old offsets, next to other words, is not taken',
    quote: 'le',
    occurrence: 3,
    edit: (text) => 'Rabat (AFP) – ' + text,
    expected: { state: 'anchored', quote: 'le', occurrence: 3 }
  },
  {
    name: 'the only occurrence of a short quote, with none of its context left, is offered for confirmation',
    quote: 'Ynet TV',
    edit: (text) => replaceOnce(text, 'de brigade Ran Kochav, à Ynet TV.', 'selon Ynet TV, hier soir.'),
    expected: { state: 'moved', quote: 'Ynet TV' }
  },
  {
    name: 'a quote repeated without its context is never anchored: the closest look-alike is offered for confirmation',
    quote: 'Aviv Kochavi',
    edit: (text) =>
      replaceOnce(
        replaceOnce(text, 'le lieutenant-général Aviv Kochavi, a démarré', 'Aviv Kochavi a démarré'),
        'du lieutenant-général Aviv Kochavi a été',
        'de Aviv Kochavi fut'
      ),
    expected: { state: 'moved', quote: 'Aviv Kochavi', occurrence: 1 }
  },
  {
    name: 'the only occurrence of a long quote needs no context',
    quote: 'a démarré lundi sa visite au Maroc dont l',
    edit: (text) =>
      replaceOnce(
        text,
        'Kochavi, a démarré lundi sa visite au Maroc dont l',
        'Kochavi a démarré lundi sa visite au Maroc dont l'
      ),
    expected: { state: 'anchored', quote: 'a démarré lundi sa visite au Maroc dont l' }
  },
  {
    name: 'short quote is never matched approximately',
    quote: 'TV',
    edit: (text) => replaceOnce(text, 'Ynet TV', 'Ynet Tv'),
    expected: { state: 'orphaned' }
  }
]

describe('anchorSelectors', () => {
  it.each(cases)('$name', ({ quote, occurrence, edit, expected }) => {
    const selectors = select(ARTICLE, quote, occurrence)
    const edited = edit(ARTICLE)

    const result = anchorSelectors(edited, selectors)

    if (expected.state === 'orphaned') {
      expect(result).toEqual({ state: 'orphaned', range: null, quote: null })
      return
    }
    expect(result).toEqual({
      state: expected.state,
      range: rangeOf(edited, expected.quote, expected.occurrence),
      quote: expected.quote
    })
  })

  it('keeps the stored range when the text is unchanged, even for a repeated phrase', () => {
    const range = rangeOf(ARTICLE, GENERAL, 2)
    expect(anchorSelectors(ARTICLE, describeRange(ARTICLE, range)).range).toEqual(range)
  })

  it('anchors a moved highlight exactly once it is described again in the new text', () => {
    const edited = replaceOnce(ARTICLE, 'démarré lundi', 'démarré mardi')
    const moved = anchorSelectors(edited, select(ARTICLE, 'a démarré lundi sa visite au Maroc'))
    if (moved.range === null) throw new Error('expected the highlight to be found')

    const again = anchorSelectors(edited, describeRange(edited, moved.range))

    expect(again).toEqual({ state: 'anchored', range: moved.range, quote: moved.quote })
  })

  it('falls back on the quote when the stored position is unusable', () => {
    const selectors = select(ARTICLE, 'Rabat a également tenté de négocier')
    const expected = rangeOf(ARTICLE, 'Rabat a également tenté de négocier')

    for (const position of [
      { start: Number.NaN, end: Number.NaN },
      { start: 10_000_000, end: 10_000_035 },
      { start: 40, end: 10 }
    ]) {
      const result = anchorSelectors(ARTICLE, {
        ...selectors,
        position: { type: 'TextPositionSelector', ...position }
      })
      expect(result).toEqual({ state: 'anchored', range: expected, quote: selectors.quote.exact })
    }
  })

  it('never trusts a stored position that runs past the end of the text', () => {
    const selectors = select(ARTICLE, 'Ynet TV.')
    const overlong = { ...selectors.position, end: ARTICLE.length + 5 }

    const result = anchorSelectors(ARTICLE, { ...selectors, position: overlong })

    expect(result.range).toEqual(rangeOf(ARTICLE, 'Ynet TV.'))
  })

  it('reports malformed selectors as orphaned instead of throwing', () => {
    const selectors = select(ARTICLE, GENERAL)
    const emptyQuote = { ...selectors, quote: { ...selectors.quote, exact: '' } }
    const missingQuote = { position: selectors.position } as unknown as TextAnchorSelectors

    expect(anchorSelectors(ARTICLE, emptyQuote).state).toBe('orphaned')
    expect(anchorSelectors(ARTICLE, missingQuote).state).toBe('orphaned')
    expect(anchorSelectors('', selectors).state).toBe('orphaned')
  })
})

describe('anchorSelectors on a 3 MB article', () => {
  // Numbered so that no stretch of filler repeats the article's quotes or their context.
  const filler = Array.from(
    { length: 52_000 },
    (_, index) => `Note d'archive n° ${index} sur la chronologie des réunions.`
  ).join('\n\n')
  const quote = 'a démarré lundi sa visite au Maroc'

  it('is at least 3 MB, so the cases below exercise the sizes the app must handle', () => {
    expect(filler.length).toBeGreaterThan(3_000_000)
  })

  it('finds an edited quote near the start of the document, close to its old offsets', () => {
    const text = ARTICLE + '\n\n' + filler
    const edited = replaceOnce(text, 'démarré lundi', 'démarré mardi')

    expect(anchorSelectors(edited, select(text, quote))).toEqual({
      state: 'moved',
      range: rangeOf(edited, 'a démarré mardi sa visite au Maroc'),
      quote: 'a démarré mardi sa visite au Maroc'
    })
  })

  it('finds an edited quote shifted by a small insertion near the start of the document', () => {
    const middle = filler.indexOf('\n\n', filler.length / 2)
    const text = filler.slice(0, middle) + '\n\n' + ARTICLE + filler.slice(middle)
    const edited = replaceOnce('Résumé : visite officielle.\n\n' + text, 'démarré lundi', 'démarré mardi')

    expect(anchorSelectors(edited, select(text, quote))).toEqual({
      state: 'moved',
      range: rangeOf(edited, 'a démarré mardi sa visite au Maroc'),
      quote: 'a démarré mardi sa visite au Maroc'
    })
  })

  it('finds an edited quote moved far beyond the nearby search window', () => {
    const middle = filler.indexOf('\n\n', filler.length / 2)
    const text = filler.slice(0, middle) + '\n\n' + ARTICLE + filler.slice(middle)
    const edited = replaceOnce(filler.slice(0, 20_000) + text, 'démarré lundi', 'démarré mardi')

    expect(anchorSelectors(edited, select(text, quote))).toEqual({
      state: 'moved',
      range: rangeOf(edited, 'a démarré mardi sa visite au Maroc'),
      quote: 'a démarré mardi sa visite au Maroc'
    })
  })

  it('orphans a deleted quote rather than pinning it to look-alike filler', () => {
    const text = ARTICLE + '\n\n' + filler
    const edited = replaceOnce(text, quote + ' ', '')

    expect(anchorSelectors(edited, select(text, quote)).state).toBe('orphaned')
  })
})

describe('describeRange', () => {
  const text = ARTICLE

  it('captures exactly CONTEXT_LENGTH characters of context away from the edges', () => {
    const range = rangeOf(text, 'Rabat a également tenté de négocier')
    const { quote, position } = describeRange(text, range)

    expect(CONTEXT_LENGTH).toBe(32)
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Rabat a également tenté de négocier',
      prefix: text.slice(range.start - 32, range.start),
      suffix: text.slice(range.end, range.end + 32)
    })
    expect(quote.prefix).toHaveLength(32)
    expect(quote.suffix).toHaveLength(32)
    expect(position).toEqual({ type: 'TextPositionSelector', ...range })
  })

  it('shortens the context at the edges of the text', () => {
    const atStart = describeRange(text, { start: 0, end: 2 })
    const nearStart = describeRange(text, { start: 10, end: 15 })
    const atEnd = describeRange(text, { start: text.length - 8, end: text.length })
    const nearEnd = describeRange(text, { start: text.length - 20, end: text.length - 8 })

    expect(atStart.quote.prefix).toBe('')
    expect(nearStart.quote.prefix).toBe(text.slice(0, 10))
    expect(atEnd.quote).toMatchObject({ exact: 'Ynet TV.', suffix: '' })
    expect(nearEnd.quote.suffix).toBe(text.slice(text.length - 8))
  })

  it.each([
    { name: 'empty', range: { start: 5, end: 5 } },
    { name: 'inverted', range: { start: 10, end: 5 } },
    { name: 'negative start', range: { start: -1, end: 5 } },
    { name: 'end past the text', range: { start: 0, end: ARTICLE.length + 1 } },
    { name: 'fractional', range: { start: 1.5, end: 4 } },
    { name: 'NaN', range: { start: Number.NaN, end: 4 } }
  ])('rejects a range that is $name', ({ range }) => {
    expect(() => describeRange(text, range)).toThrow(RangeError)
  })
})
