import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import bundled from '@citation-js/plugin-csl/lib/styles.json'
import { cslItem, type CitationSource } from '../../../shared/bibliography/cslItem'
import { plainText } from '../../../shared/briefing/styledCitations'
import { sampleBriefing, sampleItem } from '../export/testing/sampleBriefing'
import { citationStyles, styleCitations } from './briefingCitations'
import { cslFormatter, cslLocale } from './cslEngine'
import { htmlToRuns } from './cslRuns'
import { HOUSE_STYLE_CSL } from './houseStyle'
import { checkStyle, xmlProblem } from './styleCheck'
import { StyleStore } from './styleStore'

const NB = '\u00a0'

/** The fixed set every bundled style is checked on: a newspaper article, a PDF report, a web page without date. */
const SOURCES: CitationSource[] = [
  {
    id: 'news',
    title: 'Le chef d’état-major israélien en visite au Maroc',
    author: 'Nadia Benali',
    outlet: 'Le Desk',
    publishedAt: '2022-07-19',
    url: 'https://ledesk.ma/kochavi',
    language: 'fr',
    importedAt: '2024-03-01T10:00:00.000Z'
  },
  {
    id: 'report',
    title: 'La coopération sécuritaire au Maghreb',
    author: 'Jean Dupont, Marie Curie',
    outlet: 'IFRI',
    publishedAt: '2023-05',
    url: null,
    language: 'fr',
    sourceFile: 'rapport.pdf',
    place: 'Paris'
  },
  {
    id: 'web',
    title: 'Chronologie des accords',
    author: null,
    outlet: null,
    publishedAt: null,
    url: 'https://example.org/chronologie',
    language: 'fr',
    importedAt: '2024-03-01T10:00:00.000Z'
  }
]
const ITEMS = SOURCES.map(cslItem)
const NEWS = { itemId: 'news', locator: { label: 'paragraph', value: '4' } } as const
const REPORT = { itemId: 'report', locator: { label: 'page', value: '12' } } as const
const WEB = { itemId: 'web', locator: null }

describe('bundled styles on the fixed sources', () => {
  const cases = [
    {
      style: 'house style',
      xml: HOUSE_STYLE_CSL,
      language: 'fr',
      citations: [
        `BENALI Nadia, «${NB}Le chef d’état-major israélien en visite au Maroc${NB}», Le Desk, 19 juillet 2022, §${NB}4.`,
        `DUPONT Jean, CURIE Marie, La coopération sécuritaire au Maghreb, Paris, IFRI, mai 2023, p.${NB}12.`,
        `Chronologie des accords, [s.${NB}d.].`
      ],
      entries: [
        `BENALI Nadia, «${NB}Le chef d’état-major israélien en visite au Maroc${NB}», Le Desk, 19 juillet 2022. ` +
          `Disponible sur${NB}: https://ledesk.ma/kochavi [consulté le 1 mars 2024].`,
        `DUPONT Jean, CURIE Marie, La coopération sécuritaire au Maghreb, Paris, IFRI, mai 2023.`,
        `Chronologie des accords, [s.${NB}d.]. Disponible sur${NB}: https://example.org/chronologie [consulté le 1 mars 2024].`
      ]
    },
    {
      style: 'house style',
      xml: HOUSE_STYLE_CSL,
      language: 'en',
      citations: [
        `BENALI Nadia, “Le chef d’état-major israélien en visite au Maroc,” Le Desk, July 19, 2022, §${NB}4.`,
        `DUPONT Jean, CURIE Marie, La coopération sécuritaire au Maghreb, Paris, IFRI, May 2023, p.${NB}12.`,
        `Chronologie des accords, [n.d.].`
      ],
      entries: [
        `BENALI Nadia, “Le chef d’état-major israélien en visite au Maroc,” Le Desk, July 19, 2022. ` +
          `Available at: https://ledesk.ma/kochavi [accessed March 1, 2024].`,
        `DUPONT Jean, CURIE Marie, La coopération sécuritaire au Maghreb, Paris, IFRI, May 2023.`,
        `Chronologie des accords, [n.d.]. Available at: https://example.org/chronologie [accessed March 1, 2024].`
      ]
    },
    {
      style: 'APA',
      xml: bundled.apa,
      language: 'fr',
      citations: ['(Benali, 2022, paragr. 4)', '(Dupont & Curie, 2023, p. 12)', `(Chronologie des accords, s.${NB}d.)`],
      entries: [
        'Benali, N. (2022, juillet 19). Le chef d’état-major israélien en visite au Maroc. Le Desk. https://ledesk.ma/kochavi',
        'Dupont, J., & Curie, M. (2023). La coopération sécuritaire au Maghreb. IFRI.',
        `Chronologie des accords. (s.${NB}d.). Consulté 1 mars 2024, à l’adresse https://example.org/chronologie`
      ]
    },
    {
      style: 'APA',
      xml: bundled.apa,
      language: 'en',
      citations: ['(Benali, 2022, para. 4)', '(Dupont & Curie, 2023, p. 12)', '(Chronologie des accords, n.d.)'],
      entries: [
        'Benali, N. (2022, July 19). Le chef d’état-major israélien en visite au Maroc. Le Desk. https://ledesk.ma/kochavi',
        'Dupont, J., & Curie, M. (2023). La coopération sécuritaire au Maghreb. IFRI.',
        'Chronologie des accords. (n.d.). Retrieved March 1, 2024, from https://example.org/chronologie'
      ]
    }
  ]
  it.each(cases)('$style in $language cites each source with its place and lists it', (row) => {
    const formatter = cslFormatter(row.xml, row.language, ITEMS)
    expect([NEWS, REPORT, WEB].map((cite) => plainText(formatter.cite(cite)))).toEqual(row.citations)
    const entries = formatter.entries()
    expect(['news', 'report', 'web'].map((id) => plainText(entries.get(id) ?? []))).toEqual(row.entries)
  })

  it('sets the house style’s titles of reports and the outlets of articles in italics', () => {
    const formatter = cslFormatter(HOUSE_STYLE_CSL, 'fr', ITEMS)
    expect(formatter.cite(REPORT)).toEqual([
      { text: 'DUPONT Jean, CURIE Marie, ' },
      { text: 'La coopération sécuritaire au Maghreb', italic: true },
      { text: `, Paris, IFRI, mai 2023, p.${NB}12.` }
    ])
    expect(formatter.cite(NEWS).filter((run) => run.italic)).toEqual([{ text: 'Le Desk', italic: true }])
  })
})

describe('cslLocale', () => {
  it.each([
    ['fr', 'fr-FR'],
    ['fr-CA', 'fr-FR'],
    ['en', 'en-US'],
    ['de-AT', 'de-DE'],
    ['ja', 'en-US']
  ])('%s → %s', (language, locale) => expect(cslLocale(language)).toBe(locale))
})

describe('htmlToRuns', () => {
  it('reads italics, italics turned off inside them, and entities', () => {
    expect(
      htmlToRuns('<div class="csl-entry">A &amp; B, <i>Titre <span style="font-style:normal;">x</span></i>.</div>\n')
    ).toEqual([{ text: 'A & B, ' }, { text: 'Titre ', italic: true }, { text: 'x.' }])
  })

  it('gives back any text it is handed, escaped, as one run', () => {
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    fc.assert(
      fc.property(fc.string(), (text) => {
        const expected = text.replace(/\s*\n\s*/g, ' ').trim()
        expect(plainText(htmlToRuns(`<i>${escape(text)}</i>`))).toBe(expected)
      })
    )
  })
})

describe('checkStyle', () => {
  it('accepts a CSL style and names it by its title', async () => {
    expect(await checkStyle('maison.csl', HOUSE_STYLE_CSL)).toEqual({
      ok: true,
      title: 'Dossier — ISO 690 (style maison)'
    })
  })

  it.each([
    [
      'notes.csl',
      'just some text',
      '“notes.csl” was not added: it is not well-formed XML (there is no element at all).'
    ],
    [
      'broken.csl',
      '<style xmlns="http://purl.org/net/xbiblio/csl">\n<citation>\n</style>',
      '“broken.csl” was not added: it is not well-formed XML (<citation> on line 2 is closed by </style> on line 3).'
    ],
    [
      'page.csl',
      '<html><body/></html>',
      '“page.csl” was not added: it is not a CSL style (its root element is not <style>).'
    ],
    [
      'other.csl',
      '<style xmlns="http://example.org/"><citation/></style>',
      '“other.csl” was not added: it is not a CSL style (no http://purl.org/net/xbiblio/csl namespace).'
    ],
    [
      'bare.csl',
      '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>Bare</title></info></style>',
      '“bare.csl” was not added: the style has no <citation> element.'
    ]
  ])('refuses %s with the reason', async (fileName, xml, message) => {
    expect(await checkStyle(fileName, xml)).toEqual({ ok: false, reason: message })
  })

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string(), (text) => void xmlProblem(`<style>${text}</style>`)))
  })
})

describe('styleCitations', () => {
  it('cites every item of a briefing with its page or paragraph, and keys the sources list by number', async () => {
    const document = sampleBriefing({
      sections: [
        {
          key: 'all',
          heading: '',
          level: 1,
          intro: '',
          items: [
            sampleItem({ noteId: 'n-page', sourceNumber: 1, paragraph: 3, page: 12 }),
            sampleItem({ noteId: 'n-para', sourceNumber: 2, paragraph: 5, page: null })
          ]
        }
      ]
    })
    const styled = await styleCitations(document, { id: 'house', title: 'Maison', xml: HOUSE_STYLE_CSL }, [])
    expect(styled && plainText(styled.items['n-page'] ?? [])).toBe(
      `RÉDACTION, «${NB}Le chef d’état-major israélien en visite au Maroc${NB}», Le Desk, 18 juillet 2022, p.${NB}12.`
    )
    expect(styled && plainText(styled.items['n-para'] ?? [])).toBe(
      `Accords d’Abraham${NB}: deux ans après, [s.${NB}d.], §${NB}5.`
    )
    expect(styled && plainText(styled.sources[2] ?? [])).toBe(`Accords d’Abraham${NB}: deux ans après, [s.${NB}d.].`)
  })
})

describe('citation styles kept in the data folder', () => {
  it('refuses a bad file with its reason and keeps nothing; keeps a good one across a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'dossier-styles-'))
    try {
      const styles = citationStyles(await StyleStore.open(dataDir, { onRecovery: () => undefined }))
      expect(styles.list().map((style) => style.id)).toEqual(['iso690-dossier', 'apa'])
      await expect(styles.add('vide.csl', '')).rejects.toThrow(
        '“vide.csl” was not added: it is not well-formed XML (there is no element at all).'
      )
      expect(await readdir(dataDir)).toEqual([])

      const added = await styles.add('maison.csl', HOUSE_STYLE_CSL)
      expect(added).toMatchObject({
        title: 'Dossier — ISO 690 (style maison)',
        origin: 'added',
        fileName: 'maison.csl'
      })
      expect(added.id).toMatch(/^custom-[0-9a-f-]{36}$/)
      const reopened = citationStyles(await StyleStore.open(dataDir, { onRecovery: () => undefined }))
      expect(reopened.list().map((style) => style.title)).toEqual([
        'Dossier — ISO 690 (style maison)',
        'American Psychological Association 7th edition',
        'Dossier — ISO 690 (style maison)'
      ])
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
