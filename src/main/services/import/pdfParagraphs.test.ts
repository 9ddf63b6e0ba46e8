import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PdfLine } from './pdfLayout'
import { joinLines, pdfLinesToBlocks, vocabularyOf, type Vocabulary } from './pdfParagraphs'

const NO_WORDS: Vocabulary = { words: new Set(), compounds: new Set() }

const vocabulary = (words: string[], compounds: string[] = []): Vocabulary => ({
  words: new Set(words),
  compounds: new Set(compounds)
})

describe('joinLines: the hyphen at a line end', () => {
  it.each([
    // [before, after, words the document has elsewhere, joined]
    ['la coopé-', 'ration', NO_WORDS, 'la coopération'],
    ['une infor-', 'mation', NO_WORDS, 'une information'],
    ['le porte-', 'parole', NO_WORDS, 'le porte-parole'],
    ['le vice-', 'président', NO_WORDS, 'le vice-président'],
    ['l’après-', 'guerre', NO_WORDS, 'l’après-guerre'],
    ['Selon Jean-', 'Pierre', NO_WORDS, 'Selon Jean-Pierre'],
    ['Que dit-', 'il ?', NO_WORDS, 'Que dit-il ?'],
    ['celui-', 'ci', NO_WORDS, 'celui-ci'],
    ['lui-', 'même', NO_WORDS, 'lui-même'],
    // The document writes the compound whole elsewhere: the hyphen is the author's.
    ['un cessez-', 'le-feu', vocabulary([], ['cessez-le-feu']), 'un cessez-le-feu'],
    // Both halves are words of the document: a compound.
    ['la sortie de crise, un chef-', 'lieu', vocabulary(['chef', 'lieu']), 'la sortie de crise, un chef-lieu'],
    // The joined word is written whole elsewhere: that beats a known compound opening.
    ['un porte-', 'feuille', vocabulary(['portefeuille']), 'un portefeuille'],
    // One half is not a word: a break inside a word.
    ['la ré-', 'gion', vocabulary(['gion']), 'la région'],
    // Not letters on both sides: kept, with no space.
    ['entre 1990-', '2000', NO_WORDS, 'entre 1990-2000'],
    // A dash after a space is punctuation: a space stays.
    ['il a dit —', 'sans rire', NO_WORDS, 'il a dit — sans rire'],
    ['une ligne', 'puis une autre', NO_WORDS, 'une ligne puis une autre']
  ])('%s + %s → %s', (before, after, words, expected) => {
    expect(joinLines(before, after, words)).toBe(expected)
  })

  it('never loses or adds a letter: the result is both lines, with or without the hyphen', () => {
    const word = fc.stringMatching(/^[a-zéèàçœ]{1,8}$/)
    fc.assert(
      fc.property(word, word, fc.boolean(), (head, tail, hyphen) => {
        const before = `mot ${head}${hyphen ? '-' : ''}`
        const joined = joinLines(before, tail, NO_WORDS)
        expect([`mot ${head}${tail}`, `mot ${head}-${tail}`, `mot ${head} ${tail}`]).toContain(joined)
        if (!hyphen) expect(joined).toBe(`mot ${head} ${tail}`)
      })
    )
  })
})

describe('vocabularyOf', () => {
  it('takes whole words and compounds, not the piece before a line-end hyphen', () => {
    const line = (text: string): PdfLine => ({ text, page: 1, x0: 0, x1: 100, y: 0, fontSize: 10, column: 'full' })
    const found = vocabularyOf([line('Le porte-parole a parlé de coopé-'), line('ration.')])
    expect([...found.compounds]).toEqual(['porte-parole'])
    expect([...found.words].sort()).toEqual(['a', 'de', 'le', 'parlé', 'parole', 'porte', 'ration'])
  })
})

describe('pdfLinesToBlocks', () => {
  const line = (text: string, y: number, extra: Partial<PdfLine> = {}): PdfLine => ({
    text,
    page: 1,
    x0: 50,
    x1: 300,
    y,
    fontSize: 10,
    column: 'full',
    ...extra
  })

  it('breaks paragraphs at a wider gap, an indented line and a short line after a full stop', () => {
    const blocks = pdfLinesToBlocks([
      line('Premier paragraphe sur', 700),
      line('deux lignes.', 688, { x1: 120 }),
      line('Deuxième paragraphe après un blanc', 660),
      line('qui finit ici.', 648),
      line('Troisième, en retrait,', 636, { x0: 65 }),
      line('sur deux lignes', 624)
    ])
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Premier paragraphe sur deux lignes.', page: 1 },
      { type: 'paragraph', text: 'Deuxième paragraphe après un blanc qui finit ici.', page: 1 },
      { type: 'paragraph', text: 'Troisième, en retrait, sur deux lignes', page: 1 }
    ])
  })

  it('keeps every word, in order, whatever the spacing, indents and sizes of the lines', () => {
    const wordList = fc.array(fc.stringMatching(/^[A-Za-zéœ]{1,8}[.,]?$/), { minLength: 1, maxLength: 8 })
    const lineShape = fc.record({
      words: wordList,
      gap: fc.integer({ min: 10, max: 40 }),
      indent: fc.integer({ min: 0, max: 30 }),
      fontSize: fc.constantFrom(10, 14),
      newPage: fc.boolean()
    })
    fc.assert(
      fc.property(fc.array(lineShape, { minLength: 1, maxLength: 30 }), (shapes) => {
        let y = 800
        let pageNumber = 1
        const lines = shapes.map((shape) => {
          if (shape.newPage) {
            pageNumber += 1
            y = 800
          } else y -= shape.gap
          return line(shape.words.join(' '), y, { page: pageNumber, x0: 50 + shape.indent, fontSize: shape.fontSize })
        })
        const blocks = pdfLinesToBlocks(lines)
        const words = (texts: string[]) => texts.join(' ').split(/\s+/)
        expect(words(blocks.map((block) => block.text))).toEqual(words(shapes.map((shape) => shape.words.join(' '))))
        expect(blocks.every((block) => block.page !== undefined && block.page >= 1)).toBe(true)
      })
    )
  })

  it('runs an unfinished sentence on into the next page, keeping the page it started on', () => {
    const blocks = pdfLinesToBlocks([
      line('Une phrase qui continue', 100),
      line('encore sur la page suivante.', 700, { page: 2 }),
      line('Une autre commence.', 688, { page: 2 }),
      line('Nouvelle phrase, nouvelle page.', 700, { page: 3 })
    ])
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Une phrase qui continue encore sur la page suivante. Une autre commence.', page: 1 },
      { type: 'paragraph', text: 'Nouvelle phrase, nouvelle page.', page: 3 }
    ])
  })

  it('makes headings of larger text, largest first, and leaves a large long lead as a paragraph', () => {
    const lead = 'Un chapeau très long. '.repeat(10).trim()
    // The body is the size most characters are set in: here more than the lead's 219.
    const text = 'Le corps du texte, en dix points. '.repeat(4).trim()
    const blocks = pdfLinesToBlocks([
      line('Titre', 760, { fontSize: 20 }),
      line('Section', 730, { fontSize: 14 }),
      line(lead, 700, { fontSize: 14 }),
      line(text, 660),
      line('Une autre section', 630, { fontSize: 14 }),
      line(text, 600)
    ])
    expect(blocks.map((block) => [block.type, block.type === 'heading' ? block.level : null, block.text])).toEqual([
      ['heading', 1, 'Titre'],
      ['heading', 2, 'Section'],
      ['paragraph', null, lead],
      ['paragraph', null, text],
      ['heading', 2, 'Une autre section'],
      ['paragraph', null, text]
    ])
  })
})
