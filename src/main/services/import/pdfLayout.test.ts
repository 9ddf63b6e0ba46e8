import { describe, expect, it } from 'vitest'
import { cleanPdfText, findGutter, pdfPagesToLines, runningKey, type PdfPageText, type PdfTextRun } from './pdfLayout'

/** Runs at 10 pt whose width is 5 pt a character, like a proportional font on average. */
const run = (text: string, x: number, y: number, fontSize = 10): PdfTextRun => ({
  text,
  x,
  y,
  width: text.length * fontSize * 0.5,
  fontSize
})

const page = (pageNumber: number, runs: PdfTextRun[]): PdfPageText => ({ pageNumber, width: 600, height: 800, runs })

describe('cleanPdfText', () => {
  it.each([
    ['efﬁcace', 'efficace'],
    ['ﬂotte', 'flotte'],
    ['ﬀ ﬃ ﬄ ﬆ', 'ff ffi ffl st'],
    ['le cœur, l’Œuvre, æ', 'le cœur, l’Œuvre, æ'],
    ['re\u00adprise', 'reprise'],
    ['de\u0301ja\u0300', 'déjà'],
    // NFKC would turn these into other characters; they are left alone.
    ['x² ½ …', 'x² ½ …']
  ])('%s → %s', (raw, cleaned) => {
    expect(cleanPdfText(raw)).toBe(cleaned)
  })
})

describe('runningKey', () => {
  it.each([
    ['Page 3', 'page #'],
    ['Page 12 sur 40', 'page # sur #'],
    ['- 7 -', '- # -'],
    ['xiv', '#'],
    ['Rapport  annuel 2024', 'rapport annuel #']
  ])('%s → %s', (text, key) => {
    expect(runningKey(text)).toBe(key)
  })
})

describe('pdfPagesToLines', () => {
  it('puts runs on one baseline into one line, with a space where the PDF left a gap', () => {
    const lines = pdfPagesToLines([page(1, [run('Le', 50, 700), run('Sahel', 64, 700), run('brûle.', 95, 700.5)])])
    expect(lines.map((line) => line.text)).toEqual(['Le Sahel brûle.'])
  })

  it('reads a two-column page column by column, after the full-width title', () => {
    const lines = pdfPagesToLines([
      page(1, [
        run('Un titre qui couvre toute la largeur de la page', 50, 760, 20),
        run('gauche un', 50, 700),
        run('droite un', 320, 700),
        run('gauche deux', 50, 688),
        run('droite deux', 320, 688),
        run('gauche trois', 50, 676),
        run('droite trois', 320, 676)
      ])
    ])
    expect(lines.map((line) => [line.text, line.column])).toEqual([
      ['Un titre qui couvre toute la largeur de la page', 'full'],
      ['gauche un', 'left'],
      ['gauche deux', 'left'],
      ['gauche trois', 'left'],
      ['droite un', 'right'],
      ['droite deux', 'right'],
      ['droite trois', 'right']
    ])
  })

  it('drops headers and footers that repeat at the page edges, page numbers included, and keeps the rest', () => {
    const pages = ['un', 'deux', 'trois'].map((name, index) =>
      page(index + 1, [
        run('Note de conjoncture', 250, 780, 8),
        run(`Texte de la page ${name}.`, 50, 700),
        run('Une phrase qui revient au milieu.', 50, 600),
        run(`Fin de la page ${name}.`, 50, 500),
        run(String(index + 1), 300, 30, 8)
      ])
    )
    expect(pdfPagesToLines(pages).map((line) => `${line.page}: ${line.text}`)).toEqual([
      '1: Texte de la page un.',
      '1: Une phrase qui revient au milieu.',
      '1: Fin de la page un.',
      '2: Texte de la page deux.',
      '2: Une phrase qui revient au milieu.',
      '2: Fin de la page deux.',
      '3: Texte de la page trois.',
      '3: Une phrase qui revient au milieu.',
      '3: Fin de la page trois.'
    ])
  })

  it('keeps an edge line that appears on one page only', () => {
    const lines = pdfPagesToLines([
      page(1, [run('Préface', 250, 780, 8), run('Le texte.', 50, 700)]),
      page(2, [run('Le texte suit.', 50, 700)])
    ])
    expect(lines.map((line) => line.text)).toEqual(['Préface', 'Le texte.', 'Le texte suit.'])
  })
})

describe('findGutter', () => {
  const line = (x0: number, x1: number, y: number) => ({ x0, x1, y })

  it('finds the gutter between two columns of three lines or more', () => {
    const columns = [700, 688, 676].flatMap((y) => [line(50, 280, y), line(320, 550, y)])
    expect(findGutter(columns, 600)).toBe(300)
  })

  it('finds none on a one-column page, nor beside a right-aligned signature under the text', () => {
    expect(
      findGutter(
        [700, 688, 676, 664].map((y) => line(50, 550, y)),
        600
      )
    ).toBeNull()
    const signature = [
      ...[700, 688, 676].map((y) => line(50, 250, y)),
      ...[500, 488, 476].map((y) => line(400, 550, y))
    ]
    expect(findGutter(signature, 600)).toBeNull()
  })
})
