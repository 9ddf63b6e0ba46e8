// Readable paragraphs may move line breaks but must never change a word of the article.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plainTextToBlocks, titleFromText } from './readingParagraphs'

const sample = readFileSync(path.join(__dirname, '..', '..', '..', 'resources', 'sample-article.txt'), 'utf8')

describe('plainTextToBlocks', () => {
  it('regroups the one-line sample into readable paragraphs without altering its text', () => {
    const blocks = plainTextToBlocks(sample)
    expect(blocks.length).toBeGreaterThanOrEqual(5)
    expect(blocks.map((block) => block.text).join(' ')).toBe(sample)
    for (const block of blocks) expect(block.text.length).toBeLessThan(900)
  })

  it('sets the inline "Lire aussi" teaser apart and ends it where the next sentence starts', () => {
    const asides = plainTextToBlocks(sample).filter((block) => block.type === 'aside')
    expect(asides.map((block) => block.text)).toEqual([
      "→ Lire aussi : Le Maroc et Israël signent à Genève un Mémorandum d'entente sur la propriété intellectuelle"
    ])
  })

  it('keeps the author’s paragraphs, joins hard-wrapped lines and handles CRLF', () => {
    const text = 'Premier paragraphe,\r\ncoupé à la main.\r\n\r\nSecond « paragraphe ».\r\n'
    expect(plainTextToBlocks(text)).toEqual([
      { type: 'paragraph', text: 'Premier paragraphe, coupé à la main.' },
      { type: 'paragraph', text: 'Second « paragraphe ».' }
    ])
  })

  it('breaks only at sentence ends, never inside a quotation that continues', () => {
    const long =
      `${'Une phrase assez longue pour remplir la ligne. '.repeat(12)}« C'est dit », a-t-il déclaré. ${'Encore une phrase pour finir le texte. '.repeat(12)}`.trim()
    const blocks = plainTextToBlocks(long)
    expect(blocks.length).toBeGreaterThan(1)
    expect(blocks.some((block) => block.text.startsWith('», a-t-il'))).toBe(false)
    expect(blocks.map((block) => block.text).join(' ')).toBe(long)
  })

  it('treats runs of spaces as one, and stays fast on pathological white space', () => {
    expect(plainTextToBlocks('Deux   espaces.\tUne tabulation.')).toEqual([
      { type: 'paragraph', text: 'Deux espaces. Une tabulation.' }
    ])
    const blocks = plainTextToBlocks(`Début.${' '.repeat(2_000_000)}Fin.`)
    expect(blocks.map((block) => block.text)).toEqual(['Début. Fin.'])
  })

  it('keeps every paragraph of a structured text whole, however long, and leaves inline teasers in place', () => {
    const long = `${'Une phrase assez longue pour remplir la ligne. '.repeat(30)}→ Lire aussi : Un autre article Le texte continue ici.`
    const text = [long, 'Une ligne courte.', long.replace('Une phrase', 'Autre phrase')].join('\n\n')
    const blocks = plainTextToBlocks(text)
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'paragraph'])
    expect(blocks[0]!.text).toBe(long.trim())
    expect(blocks[0]!.text.length).toBeGreaterThan(1400)
  })

  it('still regroups one wall of text under a short line such as a byline', () => {
    const blocks = plainTextToBlocks(`Par Nadia Benali, le 19 juillet 2022\n\n${sample}`)
    expect(blocks[0]).toEqual({ type: 'paragraph', text: 'Par Nadia Benali, le 19 juillet 2022' })
    expect(blocks.length).toBeGreaterThanOrEqual(6)
  })

  it('keeps k paragraphs of 200 characters or more as exactly k blocks, whatever the line ends', () => {
    // A word never holds white space; inside a paragraph words are parted by spaces, tabs or one line end.
    const word = fc.string({
      unit: fc.constantFrom(...'abcdeéèàçœlmnrstuvAÉLR«»,;:!?’.-→'),
      minLength: 4,
      maxLength: 12
    })
    const inside = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', '\r\n', ' \n')
    const paragraph = fc.array(fc.tuple(word, inside), { minLength: 50, maxLength: 120 }).map((pairs) => ({
      raw: pairs.map(([text, space], index) => (index === 0 ? text : `${space}${text}`)).join(''),
      normalised: pairs.map(([text]) => text).join(' ')
    }))
    const between = fc.constantFrom('\n\n', '\r\n\r\n', '\n \n', '\n\n\n', '\n\t\n')
    fc.assert(
      fc.property(fc.array(fc.tuple(paragraph, between), { minLength: 2, maxLength: 8 }), (parts) => {
        const text = parts.map(([{ raw }, gap], index) => (index === 0 ? raw : `${gap}${raw}`)).join('')
        const blocks = plainTextToBlocks(text)
        expect(blocks).toHaveLength(parts.length)
        expect(blocks.map((block) => block.text)).toEqual(parts.map(([{ normalised }]) => normalised))
      }),
      { numRuns: 200 }
    )
  })

  it('keeps six long French paragraphs as six, an inline « Lire aussi » inside the fifth', () => {
    const prose =
      'Le ministre a rappelé devant la commission que la coopération « ne se décrète pas », avant de détailler le calendrier des exercices prévus. '
    const paragraphs = Array.from({ length: 6 }, (_, index) =>
      index === 4
        ? `${prose.repeat(4)}→ Lire aussi : Rabat et Madrid relancent leur dialogue Le texte reprend ensuite. ${prose.repeat(4)}`.trim()
        : `Paragraphe ${index + 1}. ${prose.repeat(8)}`.trim()
    )
    const blocks = plainTextToBlocks(paragraphs.join('\n\n'))
    expect(blocks.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph'
    ])
    expect(blocks[4]!.text).toContain('→ Lire aussi : Rabat et Madrid relancent leur dialogue Le texte reprend')
    expect(blocks[4]!.text.length).toBe(1200)
  })

  it('returns nothing for blank text', () => {
    expect(plainTextToBlocks(' \n\n \t ')).toEqual([])
  })
})

describe('titleFromText', () => {
  it('uses the first sentence, cut at a word boundary with an ellipsis', () => {
    const title = titleFromText(sample)
    expect(title).toBe("Le chef d'état-major de l'armée israélienne, le lieutenant-général Aviv Kochavi, a démarré…")
    expect(title.length).toBeLessThanOrEqual(91)
  })

  it('keeps a short first sentence whole, without its full stop', () => {
    expect(titleFromText('Rabat accueille Kochavi. La suite du texte.')).toBe('Rabat accueille Kochavi')
  })
})
