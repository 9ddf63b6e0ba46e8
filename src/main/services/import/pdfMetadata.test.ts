import { describe, expect, it } from 'vitest'
import { isJunkTitle, pdfDateToIso, readPdfProvenance, type PdfMetadataSource } from './pdfMetadata'

describe('pdfDateToIso', () => {
  it.each([
    ["D:20240305143000+01'00'", '2024-03-05T14:30:00+01:00'],
    ['D:20240305143000Z', '2024-03-05T14:30:00Z'],
    ["D:20240305143000-05'30", '2024-03-05T14:30:00-05:30'],
    ['D:20240305143000', '2024-03-05T14:30:00'],
    ['D:20240305', '2024-03-05'],
    ['D:2024', '2024-01-01'],
    ['20240305', '2024-03-05'],
    ['D:20241345', null],
    ['5 mars 2024', null],
    [null, null]
  ])('%s → %s', (raw, iso) => {
    expect(pdfDateToIso(raw)).toBe(iso)
  })
})

describe('isJunkTitle', () => {
  it.each([
    ['Microsoft Word - rapport.docx', true],
    ['Microsoft PowerPoint - Présentation1', true],
    ['rapport_final_v3.pdf', true],
    ['Untitled', true],
    ['Document1', true],
    ['Sans titre', true],
    ['Le Sahel en 2024', false],
    ['Word et PDF : guide des formats', false]
  ])('%s → %s', (title, junk) => {
    expect(isJunkTitle(title)).toBe(junk)
  })
})

describe('readPdfProvenance', () => {
  const source = (info: PdfMetadataSource['info'], xmp: Record<string, unknown> = {}): PdfMetadataSource => ({
    info,
    xmp: (name) => xmp[name] ?? null
  })

  it('prefers XMP to the info dictionary, and skips junk in either', () => {
    expect(
      readPdfProvenance(
        source(
          {
            Title: 'Le vrai titre',
            Author: 'Nadia Benali',
            CreationDate: "D:20240305143000+01'00'",
            Language: 'fr-FR'
          },
          { 'dc:title': 'Microsoft Word - brouillon.docx', 'dc:creator': ['Administrateur'] }
        )
      )
    ).toEqual({
      title: 'Le vrai titre',
      author: 'Nadia Benali',
      publishedAt: '2024-03-05T14:30:00+01:00',
      language: 'fr'
    })
  })

  it('reads the creation date before the modification date, and nothing from values of the wrong type', () => {
    expect(readPdfProvenance(source({ Title: 42, Author: 7, ModDate: 'D:20240401', CreationDate: 'hier' }))).toEqual({
      title: null,
      author: null,
      publishedAt: '2024-04-01',
      language: null
    })
  })

  it('cleans tag-shaped text out of titles', () => {
    expect(readPdfProvenance(source({ Title: 'Rapport <img src=x onerror=alert(1)> 2024' })).title).toBe('Rapport 2024')
  })
})
