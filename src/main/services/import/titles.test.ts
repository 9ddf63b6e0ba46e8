// Titles for documents that state none (issue 14): never a marker, the first sentence cut at a
// word boundary, and the text left as the source had it.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ArticleBlock } from '../../../shared/domain/article'
import { importFile } from './index'
import { isMarker, MAX_TITLE_CHARS, titleFromBlocks, titleFromFirstSentence } from './titles'

const encode = (text: string) => new TextEncoder().encode(text)
const paragraph = (text: string): ArticleBlock => ({ type: 'paragraph', text })
const heading = (text: string, level: 1 | 2 = 1): ArticleBlock => ({ type: 'heading', level, text })

const LONG_SENTENCE =
  'Le ministre de la Défense a annoncé mardi la signature d’un accord de coopération militaire avec Rabat, le premier du genre.'

describe('isMarker', () => {
  it.each([
    ['§1', true],
    ['§ 12.', true],
    ['2.', true],
    ['IV)', true],
    ['***', true],
    ['— 3 —', true],
    ['42', true],
    ['1984 : l’année du dossier', false],
    ['§1 Le contexte', false],
    ['Israël', false],
    ['إسرائيل', false]
  ])('%s → %s', (text, expected) => {
    expect(isMarker(text)).toBe(expected)
  })
})

describe('titleFromFirstSentence', () => {
  it.each([
    ['a short sentence loses its full stop', 'Il pleut sur Rabat. Le vent se lève.', 'Il pleut sur Rabat'],
    ['a marker before it is passed over', '§1 Il pleut sur Rabat. Le vent se lève.', 'Il pleut sur Rabat'],
    [
      'a long sentence is cut at a word, with an ellipsis',
      LONG_SENTENCE,
      'Le ministre de la Défense a annoncé mardi la signature d’un accord de coopération…'
    ],
    ['right-to-left text is kept as it is', 'تقرير عن التعاون العسكري.', 'تقرير عن التعاون العسكري']
  ])('%s', (_, text, expected) => {
    expect(titleFromFirstSentence(text)).toBe(expected)
  })

  it('is never longer than the limit plus its ellipsis, and never cuts a word', () => {
    const word = fc.stringMatching(/^[a-zéèàç]{1,14}$/)
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (words) => {
        const text = words.join(' ')
        const title = titleFromFirstSentence(text)
        expect(title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS + 1)
        const kept = title.endsWith('…') ? title.slice(0, -1).split(' ') : title.split(' ')
        // Every word of the title is a whole word of the text, in order (a word longer than half the limit may be cut).
        if (kept.every((piece) => piece.length < MAX_TITLE_CHARS / 2)) {
          expect(words.slice(0, kept.length)).toEqual(kept)
        }
      })
    )
  })
})

describe('titleFromBlocks', () => {
  it.each<[string, ArticleBlock[], string]>([
    ['the first level-1 heading', [heading('Sous-titre', 2), heading('Le titre'), paragraph('Texte.')], 'Le titre'],
    ['a marker heading is passed over', [heading('§1'), heading('Le contexte', 2), paragraph('Texte.')], 'Le contexte'],
    ['a heading’s leading number goes', [heading('1. Le contexte'), paragraph('Texte.')], 'Le contexte'],
    [
      'no heading: the first sentence that is not a marker',
      [paragraph('§1'), paragraph('Il pleut. Beaucoup.')],
      'Il pleut'
    ]
  ])('%s', (_, blocks, expected) => {
    expect(titleFromBlocks(blocks)).toBe(expected)
  })
})

describe('a text file with no title', () => {
  it.each<[string, string, string, ArticleBlock[]]>([
    [
      'its first sentence names it, and every paragraph stays as it was',
      'Le Maroc et Israël signent un accord.\n\nLe texte prévoit des échanges.',
      'Le Maroc et Israël signent un accord',
      [paragraph('Le Maroc et Israël signent un accord.'), paragraph('Le texte prévoit des échanges.')]
    ],
    [
      'a long first sentence is cut at a word',
      `${LONG_SENTENCE}\n\nSuite.`,
      'Le ministre de la Défense a annoncé mardi la signature d’un accord de coopération…',
      [paragraph(LONG_SENTENCE), paragraph('Suite.')]
    ],
    [
      'a « §1 » line is never the title, and stays in the text',
      '§1\n\nLe Maroc et Israël signent un accord. Il porte sur la défense.\n\n§2\n\nSuite.',
      'Le Maroc et Israël signent un accord',
      [
        paragraph('§1'),
        paragraph('Le Maroc et Israël signent un accord. Il porte sur la défense.'),
        paragraph('§2'),
        paragraph('Suite.')
      ]
    ]
  ])('%s', async (_, text, title, blocks) => {
    const article = await importFile({ name: 'sans-titre.txt', bytes: encode(text) })
    expect(article.title).toBe(title)
    expect(article.blocks).toEqual(blocks)
  })
})
