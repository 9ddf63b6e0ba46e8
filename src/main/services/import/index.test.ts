/**
 * The import entry points as the library calls them: dispatch by file type, plain-text
 * files end to end, and the refusals an analyst sees, which must name the file and say
 * why in words they can act on.
 */
import { describe, expect, it } from 'vitest'
import { IMPORTABLE_EXTENSIONS } from '../../../shared/import/limits'
import { ImportError, importFile, importPaste, MAX_IMPORT_BYTES } from './index'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

async function importFailure(file: { name: string; bytes: Uint8Array }): Promise<ImportError> {
  const error: unknown = await importFile(file).then(
    () => null,
    (failure: unknown) => failure
  )
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(error)}`)
  return error
}

const PARAGRAPH_ONE =
  'Le Conseil constitutionnel a validé jeudi l’essentiel de la loi, à l’exception de deux articles jugés contraires à la Constitution.'
const PARAGRAPH_TWO = 'Le gouvernement a annoncé qu’il prendrait acte de la décision.'

describe('importFile: plain text', () => {
  it('splits paragraphs on blank lines, whatever the line ends', async () => {
    const article = await importFile({
      name: 'note.txt',
      bytes: encode(`${PARAGRAPH_ONE}\r\n\r\n${PARAGRAPH_TWO}\r\n`)
    })
    expect(article.format).toBe('text')
    expect(article.blocks).toEqual([
      { type: 'paragraph', text: PARAGRAPH_ONE },
      { type: 'paragraph', text: PARAGRAPH_TWO }
    ])
    expect(article.title).toBe(
      'Le Conseil constitutionnel a validé jeudi l’essentiel de la loi, à l’exception de deux…'
    )
    expect(article.sourceFile).toBe('note.txt')
    expect(article.language).toBe('fr')
  })

  it('takes a short first line set apart by a blank line as the title, and keeps it as a heading', async () => {
    const text = `La loi validée par le Conseil\n\n${PARAGRAPH_ONE}\n\n→ Lire aussi : Le texte en détail\n\n${PARAGRAPH_TWO}`
    const article = await importFile({ name: 'loi.TXT', bytes: encode(text) })
    expect(article.title).toBe('La loi validée par le Conseil')
    expect(article.blocks).toEqual([
      { type: 'heading', level: 1, text: 'La loi validée par le Conseil' },
      { type: 'paragraph', text: PARAGRAPH_ONE },
      // French text: the space before the colon became a no-break one.
      { type: 'aside', text: '→ Lire aussi\u00a0: Le texte en détail' },
      { type: 'paragraph', text: PARAGRAPH_TWO }
    ])
  })

  it('does not take a first line that ends like a sentence as a title', async () => {
    const article = await importFile({ name: 'a.text', bytes: encode(`Il pleut.\n\n${PARAGRAPH_TWO}`) })
    expect(article.blocks[0]).toEqual({ type: 'paragraph', text: 'Il pleut.' })
    expect(article.title).toBe('Il pleut')
  })

  // Speed is measured by npm run bench, not here; the ceiling only catches a quadratic
  // blow-up (minutes), with room for a busy CI machine.
  it('imports 5 MB of white space around one paragraph as that paragraph', async () => {
    const spaces = new Uint8Array(5 * 1024 * 1024).fill(0x20)
    spaces.set(encode(PARAGRAPH_TWO))
    const article = await importFile({ name: 'espaces.txt', bytes: spaces })
    expect(article.blocks).toEqual([{ type: 'paragraph', text: PARAGRAPH_TWO }])
  }, 120_000)

  it('keeps only the file name from a path', async () => {
    const article = await importFile({ name: 'C:\\Users\\analyste\\notes\\brève.txt', bytes: encode(PARAGRAPH_ONE) })
    expect(article.sourceFile).toBe('brève.txt')
  })
})

describe('importFile: dispatch', () => {
  it.each([
    ['a.txt', 'text'],
    ['a.TEXT', 'text'],
    ['a.md', 'markdown'],
    ['a.Markdown', 'markdown'],
    ['a.html', 'html'],
    ['a.HTM', 'html'],
    ['a.xhtml', 'html']
  ])('reads %s as %s', async (name, format) => {
    const article = await importFile({ name, bytes: encode(`<p>${PARAGRAPH_ONE}</p>`) })
    expect(article.format).toBe(format)
  })

  it('handles every extension the renderer offers', async () => {
    for (const extension of IMPORTABLE_EXTENSIONS) {
      const result = await importFile({ name: `a${extension}`, bytes: encode(PARAGRAPH_ONE) }).catch(
        (error: unknown) => error
      )
      // .docx is handled too: plain text is refused as a damaged Word file, not as a wrong type.
      if (result instanceof ImportError) expect(result.reason).not.toContain('unsupported')
    }
  })
})

describe('importFile: refusals', () => {
  it('refuses an unsupported file type, listing the supported ones', async () => {
    const error = await importFailure({ name: 'rapport.odt', bytes: encode('PK') })
    expect(error.fileName).toBe('rapport.odt')
    expect(error.message).toBe(
      'rapport.odt: unsupported file type .odt (Dossier imports .txt, .md, .html, .docx, .pdf)'
    )
  })

  it('refuses a file with no extension', async () => {
    const error = await importFailure({ name: 'LISEZMOI', bytes: encode(PARAGRAPH_ONE) })
    expect(error.message).toMatch(/^LISEZMOI: unsupported file type/)
  })

  it('refuses an empty file and a file of white space', async () => {
    expect((await importFailure({ name: 'vide.txt', bytes: new Uint8Array() })).message).toBe(
      'vide.txt: the file is empty'
    )
    expect((await importFailure({ name: 'blanc.md', bytes: encode(' \n\t\r\n ') })).message).toBe(
      'blanc.md: the file is empty'
    )
    expect((await importFailure({ name: 'vide.docx', bytes: new Uint8Array() })).message).toBe(
      'vide.docx: the file is empty'
    )
  })

  it('refuses binary content named .txt', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    const error = await importFailure({ name: 'photo.txt', bytes: png })
    expect(error.message).toBe('photo.txt: the file is not text (it looks binary)')
  })

  it('refuses a file over the size limit before reading it', async () => {
    const error = await importFailure({ name: 'énorme.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20) })
    expect(error.message).toMatch(/^énorme\.txt: the file is 25\.0 MB, over the 25 MB import limit$/)
    // The size is checked before the type: a huge file of the wrong type is refused for its size.
    const wrongType = await importFailure({ name: 'film.mkv', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) })
    expect(wrongType.reason).toContain('25 MB')
  })

  it('accepts a file of exactly the size limit', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES)
    const paragraph = encode(`${PARAGRAPH_ONE}\n\n`)
    for (let offset = 0; offset + paragraph.length <= bytes.length; offset += paragraph.length) {
      bytes.set(paragraph, offset)
    }
    bytes.fill(0x0a, bytes.length - (bytes.length % paragraph.length))
    const article = await importFile({ name: 'limite.txt', bytes })
    expect(article.blocks.length).toBe(Math.floor(MAX_IMPORT_BYTES / paragraph.length))
  }, 60_000)

  it('refuses a web page with no readable text', async () => {
    const page = '<html><head><title>Vide</title><script>var a = 1</script></head><body><img src="a.png"></body></html>'
    const error = await importFailure({ name: 'vide.html', bytes: encode(page) })
    expect(error.message).toBe('vide.html: the page has no readable text')
  })

  it('refuses Markdown with nothing but markup that carries no text', async () => {
    const error = await importFailure({ name: 'images.md', bytes: encode('![photo](a.png)\n\n---\n') })
    expect(error.message).toBe('images.md: the file has no readable text')
  })
})

describe('importPaste', () => {
  it('imports pasted text with the plain-text rules', async () => {
    const article = await importPaste({ text: `${PARAGRAPH_ONE}\r\n\r\n${PARAGRAPH_TWO}` })
    expect(article).toMatchObject({ format: 'text', sourceFile: null })
    expect(article.blocks.map((block) => block.text)).toEqual([PARAGRAPH_ONE, PARAGRAPH_TWO])
  })

  it('prefers the HTML flavour, keeping formatting', async () => {
    const article = await importPaste({ html: `<p>Un <b>fait</b> établi.</p>`, text: 'Un fait établi.' })
    expect(article.format).toBe('html')
    expect(article.blocks).toEqual([
      {
        type: 'paragraph',
        text: 'Un fait établi.',
        runs: [{ text: 'Un ' }, { text: 'fait', marks: ['bold'] }, { text: ' établi.' }]
      }
    ])
  })

  it('falls back to the text flavour when the HTML one has no text', async () => {
    const article = await importPaste({ html: '<img src="x.png">', text: PARAGRAPH_TWO })
    expect(article.format).toBe('text')
    expect(article.blocks).toEqual([{ type: 'paragraph', text: PARAGRAPH_TWO }])
  })

  it('refuses an empty paste, naming it as pasted text', async () => {
    for (const paste of [{}, { text: '  \n ' }, { html: '', text: '' }, { html: '<p> </p>' }]) {
      const error: unknown = await importPaste(paste).catch((failure: unknown) => failure)
      expect(error).toBeInstanceOf(ImportError)
      expect((error as ImportError).fileName).toBe('Pasted text')
      expect((error as ImportError).message).toMatch(/^Pasted text: nothing to import/)
    }
  })
})

describe('French typography on import', () => {
  it('turns the ordinary spaces of French punctuation into no-break ones, in the text and each run', async () => {
    const article = await importPaste({
      html: `<p>Le ministre a parlé de « <b>coopération militaire</b> » : un accord signé à Rabat ? Oui ! Les deux pays ont signé.</p>
        <p>${PARAGRAPH_ONE}</p><p>${PARAGRAPH_TWO}</p>`
    })
    expect(article.language).toBe('fr')
    const [first] = article.blocks
    expect(first!.text).toBe(
      'Le ministre a parlé de «\u00a0coopération militaire\u00a0»\u00a0: un accord signé à Rabat\u202f? Oui\u202f! Les deux pays ont signé.'
    )
    expect(first!.runs!.map((run) => run.text)).toEqual([
      'Le ministre a parlé de «\u00a0',
      'coopération militaire',
      '\u00a0»\u00a0: un accord signé à Rabat\u202f? Oui\u202f! Les deux pays ont signé.'
    ])
  })

  it('leaves English text as written', async () => {
    const article = await importFile({
      name: 'en.txt',
      bytes: encode(
        'The minister said : « no ». The two countries signed a military cooperation agreement in Rabat on Wednesday, officials said.'
      )
    })
    expect(article.language).toBe('en')
    expect(article.blocks[0]!.text).toContain('said : « no »')
  })
})

describe('bylines', () => {
  it('reads a pasted byline as the author and the date, not as an author « Nadia Benali, le 19 juillet 2022 »', async () => {
    const article = await importPaste({
      text: `Par Nadia Benali, le 19 juillet 2022\n\n${PARAGRAPH_ONE}\n\n${PARAGRAPH_TWO}`
    })
    expect(article.author).toBe('Nadia Benali')
    expect(article.publishedAt).toBe('2022-07-19')
    expect(article.blocks[0]!.text).toBe('Par Nadia Benali, le 19 juillet 2022')
  })
})
