/**
 * Word files are generated here with the `docx` package, so the fixtures are readable
 * code rather than opaque binaries, and damaged files are built byte by byte.
 */
import zlib from 'node:zlib'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { ImportError, importFile } from './index'

async function wordFile(children: Paragraph[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })))
}

/** A valid zip archive holding the given files uncompressed; enough to fool a zip reader. */
function storedZip(files: Record<string, string>): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name)
    const data = Buffer.from(content)
    const crc = zlib.crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

async function importFailure(name: string, bytes: Uint8Array): Promise<ImportError> {
  const error: unknown = await importFile({ name, bytes }).catch((failure: unknown) => failure)
  expect(error).toBeInstanceOf(ImportError)
  return error as ImportError
}

describe('importing a .docx', () => {
  it('keeps headings, formatting and nested bullet lists', async () => {
    const bytes = await wordFile([
      new Paragraph({ text: 'Note de synthèse sur le Sahel', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({
        children: [
          new TextRun('La situation est '),
          new TextRun({ text: 'préoccupante', bold: true }),
          new TextRun(' selon les '),
          new TextRun({ text: 'services', italics: true }),
          new TextRun(', qui '),
          new TextRun({ text: 'soulignent', underline: {} }),
          new TextRun(' un risque d’escalade dans les prochains mois.')
        ]
      }),
      new Paragraph({ text: 'Renforcer la coopération régionale', bullet: { level: 0 } }),
      new Paragraph({ text: 'avec le Niger', bullet: { level: 1 } }),
      new Paragraph({ text: 'Informer le Parlement', bullet: { level: 0 } })
    ])
    const article = await importFile({ name: 'Synthèse.DOCX', bytes })
    expect(article).toMatchObject({
      format: 'docx',
      title: 'Note de synthèse sur le Sahel',
      sourceFile: 'Synthèse.DOCX',
      language: 'fr'
    })
    expect(article.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Note de synthèse sur le Sahel' },
      {
        type: 'paragraph',
        text: 'La situation est préoccupante selon les services, qui soulignent un risque d’escalade dans les prochains mois.',
        runs: [
          { text: 'La situation est ' },
          { text: 'préoccupante', marks: ['bold'] },
          { text: ' selon les ' },
          { text: 'services', marks: ['italic'] },
          { text: ', qui ' },
          { text: 'soulignent', marks: ['underline'] },
          { text: ' un risque d’escalade dans les prochains mois.' }
        ]
      },
      { type: 'listitem', listType: 'bullet', depth: 0, text: 'Renforcer la coopération régionale' },
      { type: 'listitem', listType: 'bullet', depth: 1, text: 'avec le Niger' },
      { type: 'listitem', listType: 'bullet', depth: 0, text: 'Informer le Parlement' }
    ])
  })

  it('titles a document without headings from its first sentence', async () => {
    const bytes = await wordFile([
      new Paragraph('Compte rendu de la réunion du 5 mars. Étaient présents les chefs de service.')
    ])
    expect((await importFile({ name: 'cr.docx', bytes })).title).toBe('Compte rendu de la réunion du 5 mars')
  })

  it('refuses a document with no text', async () => {
    const error = await importFailure('vide.docx', await wordFile([new Paragraph('')]))
    expect(error.message).toBe('vide.docx: the document has no text')
  })
})

describe('damaged Word files', () => {
  it('refuses random bytes, naming the file', async () => {
    const error = await importFailure('x.docx', Uint8Array.from([0x13, 0x37, 0x42, 0x00, 0xff, 0x10, 0x20, 0x30, 0x40]))
    expect(error.message).toBe('x.docx: the Word file is damaged or not a .docx (it is not a zip archive)')
  })

  it('refuses a zip archive with no word/document.xml', async () => {
    const bytes = storedZip({ '[Content_Types].xml': '<?xml version="1.0"?><Types/>', 'notes.txt': 'rien' })
    const error = await importFailure('archive.docx', bytes)
    expect(error.message).toBe('archive.docx: the Word file is damaged or not a .docx (word/document.xml is missing)')
  })

  it('recognises an old .doc file renamed .docx', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)])
    const error = await importFailure('ancien.docx', ole)
    expect(error.reason).toContain('old .doc file')
  })
})
