import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { usesFrenchSpacing, withFrenchSpacing, withFrenchSpacingInBlocks } from './frenchSpacing'

/** Visible names for the two spaces, so a failing table reads clearly. */
const show = (text: string): string => text.replace(/\u00a0/g, '⍽').replace(/\u202f/g, '·')

describe('withFrenchSpacing', () => {
  it.each([
    // [what, input, expected with ⍽ = U+00A0 and · = U+202F]
    ['guillemets take a full no-break space inside', 'de « Pegasus » ici', 'de «⍽Pegasus⍽» ici'],
    ['a colon takes a full no-break space before it', 'Il a dit : non', 'Il a dit⍽: non'],
    ['; ! ? take a narrow one', 'Vraiment ? Oui ! Enfin ; bref', 'Vraiment·? Oui·! Enfin·; bref'],
    ['a question inside guillemets', '« Qui ? »', '«⍽Qui·?⍽»'],
    ['guillemets written without spaces stay as written', '«Pegasus»', '«Pegasus»'],
    ['a time keeps its colon', 'à 14:30 précises', 'à 14:30 précises'],
    ['a URL keeps its colon and question mark', 'voir https://ex.fr/a?b=1 demain', 'voir https://ex.fr/a?b=1 demain'],
    ['a space at the start of the text is layout, not typography', ' ? au début', ' ? au début'],
    ['a run of spaces is left alone', 'deux  : points', 'deux  : points'],
    ['an existing no-break space is kept', 'déjà\u00a0: fait', 'déjà⍽: fait'],
    ['text with no French punctuation comes back unchanged', 'Un texte simple.', 'Un texte simple.']
  ])('%s', (_what, input, expected) => {
    expect(show(withFrenchSpacing(input))).toBe(expected)
  })

  it('ends no line on an opening guillemet: the space after « is no longer a break opportunity', () => {
    expect(withFrenchSpacing('de « logiciel espion »')).not.toMatch(/« /)
  })

  const frenchish = fc.string({
    unit: fc.constantFrom('a', 'é', ' ', ' ', ':', ';', '!', '?', '«', '»', '\u00a0', '\n', '1', '/'),
    maxLength: 60
  })

  it('keeps the length and changes only ordinary spaces, into no-break ones (property)', () => {
    fc.assert(
      fc.property(frenchish, (text) => {
        const spaced = withFrenchSpacing(text)
        expect(spaced.length).toBe(text.length)
        for (let i = 0; i < text.length; i++) {
          if (spaced[i] !== text[i]) {
            expect(text[i]).toBe(' ')
            expect(['\u00a0', '\u202f']).toContain(spaced[i])
          }
        }
      })
    )
  })

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(frenchish, (text) => {
        expect(withFrenchSpacing(withFrenchSpacing(text))).toBe(withFrenchSpacing(text))
      })
    )
  })

  it('leaves no breakable single space before ; ! ? : » or after « (property)', () => {
    fc.assert(
      fc.property(frenchish, (text) => {
        expect(withFrenchSpacing(text)).not.toMatch(/[^\s] [;!?:»]|« [^\s]/)
      })
    )
  })
})

describe('withFrenchSpacingInBlocks', () => {
  it('spaces the text and each run alike when the space and the mark sit in different runs', () => {
    const [block] = withFrenchSpacingInBlocks([
      { text: 'Qui ? Lui.', runs: [{ text: 'Qui ' }, { text: '? Lui.', marks: ['bold' as const] }] }
    ])
    expect(show(block!.text)).toBe('Qui·? Lui.')
    expect(block!.runs!.map((run) => show(run.text))).toEqual(['Qui·', '? Lui.'])
    expect(block!.runs![1]!.marks).toEqual(['bold'])
  })

  it('returns an untouched block as the same object', () => {
    const block = { text: 'Rien à changer.' }
    expect(withFrenchSpacingInBlocks([block])[0]).toBe(block)
  })
})

describe('usesFrenchSpacing', () => {
  it.each([
    ['fr', true],
    ['en', false],
    [null, false]
  ])('%s → %s', (language, expected) => {
    expect(usesFrenchSpacing(language)).toBe(expected)
  })
})
