// An article's metadata becomes the CSL item every style and bibliography export reads.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { authorNames } from './authorNames'
import { cslDate, cslItem, effectiveItemType, type CitationSource } from './cslItem'

const base: CitationSource = {
  id: 'a1',
  title: 'Titre',
  author: null,
  outlet: null,
  publishedAt: null,
  url: null,
  language: null
}

describe('cslItem', () => {
  it('maps a newspaper article', () => {
    const item = cslItem({
      ...base,
      title: ' Le Maroc et « l’Europe » ',
      author: 'Nadia Benali',
      outlet: 'Le Monde',
      publishedAt: '2022-07-19T08:30:00+02:00',
      url: 'https://www.lemonde.fr/article',
      language: 'fr',
      importedAt: '2024-03-02T10:00:00.000Z'
    })
    expect(item).toEqual({
      id: 'a1',
      type: 'article-newspaper',
      title: 'Le Maroc et « l’Europe »',
      author: [{ family: 'Benali', given: 'Nadia' }],
      'container-title': 'Le Monde',
      URL: 'https://www.lemonde.fr/article',
      issued: { 'date-parts': [[2022, 7, 19]] },
      accessed: { 'date-parts': [[2024, 3, 2]] },
      language: 'fr'
    })
  })

  it('maps a PDF report: the outlet is its publisher, pages and place kept, no accessed date without an address', () => {
    const item = cslItem({
      ...base,
      title: 'Rapport annuel',
      author: 'International Crisis Group',
      outlet: 'ICG',
      publishedAt: '2023',
      pages: '12-18',
      place: 'Bruxelles',
      sourceFile: 'rapport.pdf',
      importedAt: '2024-03-02T10:00:00.000Z'
    })
    expect(item).toEqual({
      id: 'a1',
      type: 'report',
      title: 'Rapport annuel',
      author: [{ literal: 'International Crisis Group' }],
      publisher: 'ICG',
      'publisher-place': 'Bruxelles',
      issued: { 'date-parts': [[2023]] },
      page: '12-18'
    })
  })

  it('keeps a report series apart from its publisher when both are given', () => {
    const item = cslItem({ ...base, itemType: 'report', outlet: 'Notes de l’Ifri', publisher: 'Ifri' })
    expect(item.publisher).toBe('Ifri')
    expect(item['container-title']).toBe('Notes de l’Ifri')
  })

  it('maps a web page without a date, with the accessed date the analyst gave', () => {
    const item = cslItem({
      ...base,
      title: 'Page',
      url: 'https://example.org/p',
      accessedAt: '2024-05-06',
      importedAt: '2024-03-02T10:00:00.000Z'
    })
    expect(item).toEqual({
      id: 'a1',
      type: 'webpage',
      title: 'Page',
      URL: 'https://example.org/p',
      accessed: { 'date-parts': [[2024, 5, 6]] }
    })
  })

  it('leaves blank fields out', () => {
    expect(cslItem({ ...base, author: '  ', outlet: '', pages: ' ', language: '' })).toEqual({
      id: 'a1',
      type: 'document',
      title: 'Titre'
    })
  })
})

describe('effectiveItemType', () => {
  it.each([
    ['the type the analyst chose', { itemType: 'book' as const, sourceFile: 'x.pdf', outlet: 'O', url: null }, 'book'],
    ['a PDF as a report', { sourceFile: 'Rapport.PDF', outlet: 'O', url: null }, 'report'],
    [
      'a text with an outlet as a newspaper article',
      { sourceFile: 'a.html', outlet: 'O', url: null },
      'article-newspaper'
    ],
    ['a text with only an address as a web page', { sourceFile: null, outlet: null, url: 'https://x.org' }, 'webpage'],
    ['anything else as a document', { sourceFile: null, outlet: ' ', url: null }, 'document']
  ])('types %s', (_case, source, expected) => {
    expect(effectiveItemType(source)).toBe(expected)
  })
})

describe('cslDate', () => {
  it.each([
    ['2022-07-19', [2022, 7, 19]],
    ['2022-07-19T23:30:00-05:00', [2022, 7, 19]],
    ['2022-07', [2022, 7]],
    ['2022', [2022]]
  ])('reads %s', (value, parts) => {
    expect(cslDate(value)).toEqual({ 'date-parts': [parts] })
  })

  it.each([null, undefined, '', 'juillet 2022'])('has no date for %s', (value) => {
    expect(cslDate(value)).toBeUndefined()
  })
})

describe('authorNames', () => {
  it.each([
    ['Nadia Benali', [{ family: 'Benali', given: 'Nadia' }]],
    ['Benali, Nadia', [{ family: 'Benali', given: 'Nadia' }]],
    ['BENALI Nadia', [{ family: 'Benali', given: 'Nadia' }]],
    ['Jean-Yves LE DRIAN', [{ family: 'Le Drian', given: 'Jean-Yves' }]],
    ['Charles de Gaulle', [{ given: 'Charles', 'non-dropping-particle': 'de', family: 'Gaulle' }]],
    ['Ursula von der Leyen', [{ given: 'Ursula', 'non-dropping-particle': 'von der', family: 'Leyen' }]],
    ['de Gaulle, Charles', [{ given: 'Charles', 'non-dropping-particle': 'de', family: 'Gaulle' }]],
    ['Élise Lucet', [{ family: 'Lucet', given: 'Élise' }]],
    [
      'Nadia Benali et Jean Dupont',
      [
        { family: 'Benali', given: 'Nadia' },
        { family: 'Dupont', given: 'Jean' }
      ]
    ],
    [
      'Nadia Benali, Jean Dupont and Ana Lopes',
      [
        { family: 'Benali', given: 'Nadia' },
        { family: 'Dupont', given: 'Jean' },
        { family: 'Lopes', given: 'Ana' }
      ]
    ],
    [
      'Benali, Nadia; Dupont, Jean',
      [
        { family: 'Benali', given: 'Nadia' },
        { family: 'Dupont', given: 'Jean' }
      ]
    ],
    ['Nadia Benali avec AFP', [{ family: 'Benali', given: 'Nadia' }, { literal: 'AFP' }]],
    ['Reuters', [{ literal: 'Reuters' }]],
    ['Agence France-Presse', [{ literal: 'Agence France-Presse' }]],
    ['Ministère des Armées', [{ literal: 'Ministère des Armées' }]],
    ['Human Rights Watch', [{ literal: 'Human Rights Watch' }]],
    ['', []]
  ])('splits « %s »', (line, expected) => {
    expect(authorNames(line)).toEqual(expected)
  })

  it('gives every name either a whole literal or a family name, whatever the line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (line) => {
        for (const name of authorNames(line)) {
          const whole = name.literal !== undefined && name.literal.trim().length > 0
          const family = name.family !== undefined && name.family.trim().length > 0
          expect(whole || family).toBe(true)
        }
      })
    )
  })
})
