// A reference read from a file becomes article changes the API accepts, whatever the file held.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articleMetaChanges } from '../api/schemas/articles'
import { referenceChanges } from './referenceChanges'

describe('referenceChanges', () => {
  it('maps a journal article', () => {
    expect(
      referenceChanges({
        type: 'article-journal',
        title: '  Les  armées\nen Afrique ',
        author: [{ family: 'Lopes', given: 'Ana' }, { literal: 'Collectif Sahel' }],
        'container-title': 'Politique étrangère',
        issued: { 'date-parts': [['2021', '3']] },
        page: '12--18',
        URL: 'https://example.org/a',
        language: 'fr-FR'
      })
    ).toEqual({
      title: 'Les armées en Afrique',
      itemType: 'article-journal',
      author: 'Ana Lopes, Collectif Sahel',
      outlet: 'Politique étrangère',
      publishedAt: '2021-03',
      pages: '12-18',
      sourceUrl: 'https://example.org/a',
      language: 'fr'
    })
  })

  it.each([
    ['a CSL type Dossier has not, as the nearest one', { title: 'T', type: 'post-weblog' }, { itemType: 'webpage' }],
    ['an unknown type, left out', { title: 'T', type: 'hologram' }, {}],
    [
      'a single-word name, with semicolons',
      { title: 'T', author: [{ literal: 'AFP' }, { given: 'Ana', family: 'Lopes' }] },
      { author: 'AFP; Ana Lopes' }
    ],
    [
      'a particle, in reading order',
      { title: 'T', author: [{ given: 'Charles', 'non-dropping-particle': 'de', family: 'Gaulle' }] },
      { author: 'Charles de Gaulle' }
    ],
    ['an address that is not http(s), left out', { title: 'T', URL: 'javascript:alert(1)' }, {}],
    ['an accessed date without its day, left out', { title: 'T', accessed: { 'date-parts': [[2024, 5]] } }, {}],
    [
      'a month out of range, as the year',
      { title: 'T', issued: { 'date-parts': [[2024, 13, 2]] } },
      { publishedAt: '2024' }
    ],
    ['a language name, as its code', { title: 'T', language: 'French' }, { language: 'fr' }],
    [
      'a report publisher, as its outlet',
      { title: 'T', type: 'report', publisher: 'Ifri' },
      { itemType: 'report', outlet: 'Ifri' }
    ],
    [
      'a newspaper publisher, beside its outlet',
      { title: 'T', type: 'article-newspaper', 'container-title': 'Le Monde', publisher: 'Groupe Le Monde' },
      { itemType: 'article-newspaper', outlet: 'Le Monde', publisher: 'Groupe Le Monde' }
    ]
  ])('reads %s', (_case, item, expected) => {
    expect(referenceChanges(item)).toEqual({ title: 'T', ...expected })
  })

  it('gives changes the API accepts, whatever the file held', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            title: fc.oneof(fc.string({ maxLength: 700 }), fc.integer(), fc.constant(null)),
            type: fc.oneof(fc.constantFrom('report', 'webpage', 'article', 'x'), fc.anything()),
            author: fc.oneof(
              fc.array(
                fc.record({ family: fc.string(), given: fc.string(), literal: fc.string() }, { requiredKeys: [] })
              ),
              fc.anything()
            ),
            'container-title': fc.oneof(fc.string({ maxLength: 400 }), fc.anything()),
            publisher: fc.string({ maxLength: 400 }),
            issued: fc.oneof(
              fc.record({ 'date-parts': fc.array(fc.array(fc.integer({ min: -10, max: 30000 }))) }),
              fc.anything()
            ),
            accessed: fc.oneof(
              fc.record({ 'date-parts': fc.array(fc.array(fc.integer({ min: 0, max: 9999 }))) }),
              fc.anything()
            ),
            page: fc.oneof(fc.string({ maxLength: 80 }), fc.integer()),
            URL: fc.oneof(fc.webUrl(), fc.string({ maxLength: 2100 })),
            language: fc.oneof(fc.constantFrom('fr', 'fr-FR', 'French', 'zz-top-1'), fc.string())
          },
          { requiredKeys: [] }
        ),
        (item) => {
          expect(articleMetaChanges.safeParse(referenceChanges(item)).success).toBe(true)
        }
      )
    )
  })
})
