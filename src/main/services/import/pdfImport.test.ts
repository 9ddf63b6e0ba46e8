/**
 * PDF import end to end through pdf.js, on PDFs generated here with pdf-lib: a two-column
 * page with hyphenated line ends, running header and footer with page numbers, French
 * accents and ligatures, a page with no text, and the files Dossier must refuse.
 */
import { describe, expect, it } from 'vitest'
import { ImportError, importFile } from './index'
import { importPdf } from './pdfImport'
import {
  bodyLine as body,
  makeEncryptedPdf,
  makePdf,
  makePdfWithScriptAndAttachment,
  pageFooter as footer,
  runningHeader as header,
  type FixtureLine
} from './testing/pdfFixtures'

const TWO_COLUMN_PAGE: FixtureLine[] = [
  header(),
  { text: 'La coopération régionale au Sahel', x: 50, y: 760, size: 20 },
  body('Les États du Sahel renforcent leur coopé-', 50, 720),
  body('ration militaire depuis 2022. Le porte-', 50, 706),
  body('parole du gouvernement l’a confirmé.', 50, 692),
  body('Une deuxième efﬁcace idée ﬂotte : le cœur', 50, 664),
  body('du problème reste la sécurité des routes', 50, 650),
  body('commerciales. Les bailleurs ont promis', 315, 720),
  body('des financements nouveaux.', 315, 706),
  body('Un troisième paragraphe conclut la page.', 315, 678),
  footer(1)
]

const ONE_COLUMN_PAGE: FixtureLine[] = [
  header(),
  { text: 'Deuxième partie', x: 50, y: 760, size: 14 },
  body('Le ministre a-t-il parlé ? Selon Jean-', 50, 730),
  body('Pierre Dupont, la situation reste tendue dans la ré-', 50, 716),
  body('gion. Le vice-', 50, 702),
  body('président a-t-il répondu ? Nul ne le sait.', 50, 688),
  footer(2)
]

const LAST_PAGE: FixtureLine[] = [header(), body('Fin du rapport, après la page scannée.', 50, 760), footer(4)]

const REPORT_PAGES = [TWO_COLUMN_PAGE, ONE_COLUMN_PAGE, [], LAST_PAGE]

async function failure(name: string, bytes: Uint8Array): Promise<ImportError> {
  const error = await importFile({ name, bytes }).then(
    () => null,
    (caught: unknown) => caught
  )
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(error)}`)
  return error
}

describe('importing a PDF report', () => {
  it('rebuilds headings and paragraphs, column by column, each with the page it starts on', async () => {
    const parts = await importPdf(await makePdf(REPORT_PAGES, { language: 'fr-FR' }))
    expect(parts.blocks).toEqual([
      { type: 'heading', level: 1, text: 'La coopération régionale au Sahel', page: 1 },
      {
        type: 'paragraph',
        text: 'Les États du Sahel renforcent leur coopération militaire depuis 2022. Le porte-parole du gouvernement l’a confirmé.',
        page: 1
      },
      {
        type: 'paragraph',
        text: 'Une deuxième efficace idée flotte : le cœur du problème reste la sécurité des routes commerciales. Les bailleurs ont promis des financements nouveaux.',
        page: 1
      },
      { type: 'paragraph', text: 'Un troisième paragraphe conclut la page.', page: 1 },
      { type: 'heading', level: 2, text: 'Deuxième partie', page: 2 },
      {
        type: 'paragraph',
        text: 'Le ministre a-t-il parlé ? Selon Jean-Pierre Dupont, la situation reste tendue dans la région. Le vice-président a-t-il répondu ? Nul ne le sait.',
        page: 2
      },
      { type: 'paragraph', text: 'Fin du rapport, après la page scannée.', page: 4 }
    ])
  })

  it('takes title, author, date and language from the info dictionary, skipping a junk title', async () => {
    const bytes = await makePdf(REPORT_PAGES, {
      title: 'Microsoft Word - rapport.docx',
      author: 'Nadia Benali',
      creationDate: new Date('2024-03-05T13:30:00Z'),
      language: 'fr-FR'
    })
    const article = await importFile({ name: 'rapport.pdf', bytes })
    expect(article).toMatchObject({
      format: 'pdf',
      sourceFile: 'rapport.pdf',
      title: 'La coopération régionale au Sahel',
      author: 'Nadia Benali',
      publishedAt: '2024-03-05T13:30:00Z',
      language: 'fr'
    })
    // French spacing is applied after import, one character for one, so pages and text stay aligned.
    expect(article.blocks[5]).toEqual({
      type: 'paragraph',
      text: 'Le ministre a-t-il parlé\u202f? Selon Jean-Pierre Dupont, la situation reste tendue dans la région. Le vice-président a-t-il répondu\u202f? Nul ne le sait.',
      page: 2
    })
  })

  it('prefers the XMP title and creator to the info dictionary', async () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Le Sahel en 2024</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Nadia Benali</rdf:li><rdf:li>Karim Sall</rdf:li></rdf:Seq></dc:creator>
<xmp:CreateDate>2024-03-05T14:30:00+01:00</xmp:CreateDate>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
    const bytes = await makePdf(REPORT_PAGES, { title: 'Brouillon', author: 'Administrateur', xmp })
    const article = await importFile({ name: 'sahel.pdf', bytes })
    expect(article).toMatchObject({
      title: 'Le Sahel en 2024',
      author: 'Nadia Benali, Karim Sall',
      publishedAt: '2024-03-05T14:30:00+01:00'
    })
  })

  it('imports the text only of a PDF carrying a script and an attached file', async () => {
    const bytes = await makePdfWithScriptAndAttachment(
      [body('Le texte visible du rapport.', 50, 700)],
      'PIÈCE JOINTE SECRÈTE'
    )
    const article = await importFile({ name: 'piege.pdf', bytes })
    expect(article.blocks).toEqual([{ type: 'paragraph', text: 'Le texte visible du rapport.', page: 1 }])
    expect((globalThis as { dossierPdfScriptRan?: boolean }).dossierPdfScriptRan).toBeUndefined()
  })
})

describe('PDFs Dossier refuses, with one message naming the file', () => {
  it('a scan: pages with no text layer', async () => {
    const error = await failure('scan.pdf', await makePdf([[], []]))
    expect(error.message).toBe('scan.pdf: the PDF has no text layer (it is a scanned image); Dossier needs the text')
  })

  it('an encrypted PDF', async () => {
    const error = await failure('secret.pdf', await makeEncryptedPdf())
    expect(error.message).toBe(
      'secret.pdf: the PDF is encrypted with a password: open it, save a copy without one, and import that'
    )
  })

  it('a damaged file or one that is not a PDF', async () => {
    const notPdf = new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf\n')
    expect((await failure('casse.pdf', notPdf)).message).toBe('casse.pdf: the file is damaged or not a PDF')
  })

  it('a file over the size limit, before pdf.js reads it', async () => {
    const error = await failure('enorme.pdf', new Uint8Array(26 * 1024 * 1024))
    expect(error.message).toBe('enorme.pdf: the file is 26.0 MB, over the 25 MB import limit')
  })
})
