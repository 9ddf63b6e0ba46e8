// The bibliography exports are read back with citation-js, as Zotero would read them, and compared field by field.
import { describe, expect, it } from 'vitest'
import type { ArticleMeta } from '../../../shared/domain/article'
import { exportBibliography, readReferences } from './bibliography'
import { Cite } from './citationJs'

function meta(fields: Partial<ArticleMeta> & Pick<ArticleMeta, 'id' | 'title'>): ArticleMeta {
  return {
    outlet: null,
    author: null,
    publishedAt: null,
    sourceUrl: null,
    language: null,
    importedAt: '2024-03-02T10:00:00.000Z',
    sourceFile: null,
    wordCount: 0,
    charCount: 0,
    ...fields
  }
}

const newspaper = meta({
  id: 'news1',
  title: 'Le Maroc et « l’Europe » : un été décisif',
  outlet: 'Le Monde',
  author: 'Nadia Benali et Charles de Gaulle',
  publishedAt: '2022-07-19T08:30:00+02:00',
  sourceUrl: 'https://www.lemonde.fr/afrique/article',
  language: 'fr',
  sourceFile: 'article.html'
})
const report = meta({
  id: 'report1',
  title: 'Rapport sur la sécurité',
  outlet: 'International Crisis Group',
  author: 'International Crisis Group',
  publishedAt: '2023',
  pages: '12-18',
  place: 'Bruxelles',
  sourceFile: 'rapport.pdf'
})
const webPage = meta({
  id: 'web1',
  title: 'Page sans date',
  sourceUrl: 'https://example.org/page',
  accessedAt: '2024-05-06'
})
const escaped = meta({
  id: 'esc1',
  itemType: 'webpage',
  title: 'Braces {x}, 50% & snake_case',
  sourceUrl: 'https://example.org/a_b?c=1&d=2'
})

function readBack(content: string): Record<string, unknown>[] {
  return new Cite(content).data.map((item) => {
    const fields = { ...item }
    delete fields._graph
    return fields
  })
}

describe('exportBibliography', () => {
  it('names the file and counts the references', () => {
    const file = exportBibliography([newspaper, report], 'bibtex', 'dossier-library')
    expect(file).toMatchObject({ fileName: 'dossier-library.bib', mimeType: 'application/x-bibtex', count: 2 })
  })

  it('writes CSL-JSON that reads back unchanged', () => {
    const file = exportBibliography([newspaper, report, webPage], 'csl-json', 'library')
    expect(file.fileName).toBe('library.json')
    expect(readBack(file.content)).toEqual([
      {
        id: 'news1',
        type: 'article-newspaper',
        title: 'Le Maroc et « l’Europe » : un été décisif',
        author: [
          { family: 'Benali', given: 'Nadia' },
          { family: 'Gaulle', given: 'Charles', 'non-dropping-particle': 'de' }
        ],
        'container-title': 'Le Monde',
        URL: 'https://www.lemonde.fr/afrique/article',
        issued: { 'date-parts': [[2022, 7, 19]] },
        accessed: { 'date-parts': [[2024, 3, 2]] },
        language: 'fr'
      },
      {
        id: 'report1',
        type: 'report',
        title: 'Rapport sur la sécurité',
        author: [{ literal: 'International Crisis Group' }],
        publisher: 'International Crisis Group',
        'publisher-place': 'Bruxelles',
        issued: { 'date-parts': [[2023]] },
        page: '12-18'
      },
      {
        id: 'web1',
        type: 'webpage',
        title: 'Page sans date',
        URL: 'https://example.org/page',
        accessed: { 'date-parts': [[2024, 5, 6]] }
      }
    ])
  })

  it('writes BibTeX whose fields read back, accents and guillemets included', () => {
    const content = exportBibliography([newspaper, report, webPage], 'bibtex', 'library').content
    const [news, rapport, page] = readBack(content)
    expect(news).toMatchObject({
      type: 'article-journal',
      title: 'Le Maroc et « l’Europe » : un été décisif',
      author: [
        { family: 'Benali', given: 'Nadia' },
        { family: 'Gaulle', given: 'Charles', 'non-dropping-particle': 'de' }
      ],
      'container-title': 'Le Monde',
      URL: 'https://www.lemonde.fr/afrique/article',
      issued: { 'date-parts': [[2022, 7, 19]] }
    })
    expect(rapport).toMatchObject({
      type: 'report',
      title: 'Rapport sur la sécurité',
      author: [{ family: 'International Crisis Group' }],
      publisher: 'International Crisis Group',
      'publisher-place': 'Bruxelles',
      issued: { 'date-parts': [[2023]] },
      page: '12-18'
    })
    expect(page).toMatchObject({ title: 'Page sans date', URL: 'https://example.org/page' })
    expect(page).not.toHaveProperty('issued')
  })

  it('escapes what BibTeX must not see raw: { } % & _', () => {
    const content = exportBibliography([escaped], 'bibtex', 'library').content
    expect(content).toContain('title = {Braces \\{x\\}, 50\\% \\& snake\\_case}')
    expect(readBack(content)[0]).toMatchObject({
      title: 'Braces {x}, 50% & snake_case',
      URL: 'https://example.org/a_b?c=1&d=2'
    })
  })

  it('keeps French typography in BibTeX: written in UTF-8, not decomposed to ASCII', () => {
    const title = 'Un été «\u00a0décisif\u00a0»\u202f: l’armée… et l’Élysée'
    const content = exportBibliography([meta({ id: 'fr1', title, author: 'Élise Lucet' })], 'bibtex', 'x').content
    expect(content).toContain(`title = {${title}}`)
    expect(content).toContain('author = {Lucet, Élise}')
    // citation-js reads any space as a plain one, where the file keeps the no-break ones.
    expect(readBack(content)[0]).toMatchObject({
      title: 'Un été « décisif » : l’armée… et l’Élysée',
      author: [{ family: 'Lucet', given: 'Élise' }]
    })
  })

  it('writes RIS with authors, full dates, pages and the site, as Zotero maps its tags', () => {
    const content = exportBibliography([newspaper, report, webPage], 'ris', 'library').content
    expect(content.split('\r\n').slice(0, 12)).toEqual([
      'TY  - NEWS',
      'ID  - news1',
      'TI  - Le Maroc et « l’Europe » : un été décisif',
      'AU  - Benali, Nadia',
      'AU  - de Gaulle, Charles',
      'T2  - Le Monde',
      'PY  - 2022',
      'DA  - 2022/07/19/',
      'Y2  - 2024/03/02/',
      'UR  - https://www.lemonde.fr/afrique/article',
      'LA  - fr',
      'ER  - '
    ])
    // citation-js reads a newspaper's AU as its reporter (RIS 2011); readReferences reads it as Zotero does.
    const [, rapport, page] = readBack(content)
    expect(readReferences(content)[0]?.changes).toEqual({
      title: 'Le Maroc et « l’Europe » : un été décisif',
      itemType: 'article-newspaper',
      author: 'Nadia Benali, Charles de Gaulle',
      outlet: 'Le Monde',
      publishedAt: '2022-07-19',
      accessedAt: '2024-03-02',
      sourceUrl: 'https://www.lemonde.fr/afrique/article',
      language: 'fr'
    })
    expect(rapport).toMatchObject({
      type: 'report',
      publisher: 'International Crisis Group',
      'publisher-place': 'Bruxelles',
      page: '12-18',
      issued: { 'date-parts': [[2023]] }
    })
    expect(page).toMatchObject({ type: 'webpage', title: 'Page sans date', URL: 'https://example.org/page' })
    expect(page).not.toHaveProperty('issued')
  })

  it('writes empty files for no articles', () => {
    expect(exportBibliography([], 'bibtex', 'x').content).toBe('')
    expect(exportBibliography([], 'ris', 'x').content).toBe('')
    expect(exportBibliography([], 'csl-json', 'x').content).toBe('[]\n')
  })
})

describe('readReferences', () => {
  it('reads every entry of an exported file back into the same details', () => {
    for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
      const entries = readReferences(exportBibliography([newspaper, report], format, 'x').content)
      expect(entries.map((entry) => entry.changes.title)).toEqual([
        'Le Maroc et « l’Europe » : un été décisif',
        'Rapport sur la sécurité'
      ])
      expect(entries[0]?.changes).toMatchObject({
        author: 'Nadia Benali, Charles de Gaulle',
        outlet: 'Le Monde',
        publishedAt: '2022-07-19',
        sourceUrl: 'https://www.lemonde.fr/afrique/article'
      })
      expect(entries[1]?.changes).toMatchObject({
        itemType: 'report',
        outlet: 'International Crisis Group',
        place: 'Bruxelles',
        publishedAt: '2023',
        pages: '12-18'
      })
    }
  })

  it('reads a RIS file as a reference manager writes it', () => {
    const ris = [
      'TY  - RPRT',
      'TI  - Sahel : la sécurité en question',
      'AU  - Lopes, Ana',
      'AU  - Dupont, Jean',
      'PB  - Ifri',
      'CY  - Paris',
      'DA  - 2021/11//',
      'SP  - 4',
      'EP  - 9',
      'UR  - https://www.ifri.org/sahel',
      'LA  - French',
      'ER  - ',
      ''
    ].join('\n')
    expect(readReferences(ris)).toEqual([
      {
        changes: {
          title: 'Sahel : la sécurité en question',
          itemType: 'report',
          author: 'Ana Lopes, Jean Dupont',
          outlet: 'Ifri',
          place: 'Paris',
          publishedAt: '2021-11',
          sourceUrl: 'https://www.ifri.org/sahel',
          pages: '4-9',
          language: 'fr'
        }
      }
    ])
  })

  it.each([
    ['an empty file', ''],
    ['plain text', 'Ceci n’est pas une référence.'],
    ['an address, which is never fetched', 'https://example.org/refs.bib'],
    ['broken JSON', '[{"title": '],
    ['JSON without titles', '[{"type": "book"}]'],
    ['broken BibTeX', '@article{key, title = {Unclosed'],
    ['broken RIS', 'TY  - JOUR\nnothing else']
  ])('reads nothing from %s', (_case, text) => {
    expect(readReferences(text)).toEqual([])
  })
})
