/**
 * Plain text and Markdown load nothing of the HTML stack: jsdom alone takes about 2 s to
 * load, and a text import must not pay for it. Each heavy module is watched here as it is
 * first loaded (the real one is still what runs).
 */
import { Document, Packer, Paragraph } from 'docx'
import { describe, expect, it, vi } from 'vitest'

const loaded = vi.hoisted(() => new Set<string>())

vi.mock('jsdom', async (importOriginal) => {
  loaded.add('jsdom')
  return importOriginal()
})
vi.mock('dompurify', async (importOriginal) => {
  loaded.add('dompurify')
  return importOriginal()
})
vi.mock('@mozilla/readability', async (importOriginal) => {
  loaded.add('readability')
  return importOriginal()
})
vi.mock('mammoth', async (importOriginal) => {
  loaded.add('mammoth')
  return importOriginal()
})
vi.mock('pdfjs-dist/legacy/build/pdf.mjs', async (importOriginal) => {
  loaded.add('pdfjs')
  return importOriginal()
})

const { importFile, importPaste, loadedFormatModules } = await import('./index')
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('what each format loads', () => {
  it('imports text and Markdown without loading jsdom, Readability, DOMPurify, mammoth or pdf.js, then each stack on first use', async () => {
    await importFile({ name: 'note.txt', bytes: encode('Un titre\n\nLe Sahel reste instable.') })
    await importFile({ name: 'note.md', bytes: encode('# Titre\n\nLe *Sahel* reste [instable](https://example.org).') })
    await importPaste({ text: 'Un paragraphe collé.' })
    expect([...loaded]).toEqual([])
    expect(loadedFormatModules()).toEqual([])

    const page = await importFile({ name: 'page.html', bytes: encode('<html><body><p>Le Sahel.</p></body></html>') })
    expect(page.blocks).toEqual([{ type: 'paragraph', text: 'Le Sahel.' }])
    expect([...loaded].sort()).toEqual(['dompurify', 'jsdom', 'readability'])
    expect(loadedFormatModules()).toEqual(['html'])

    const word = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Rabat.')] }] }))
    )
    const document = await importFile({ name: 'note.docx', bytes: word })
    expect(document.blocks).toEqual([{ type: 'paragraph', text: 'Rabat.' }])
    expect([...loaded].sort()).toEqual(['dompurify', 'jsdom', 'mammoth', 'readability'])
    expect(loadedFormatModules()).toEqual(['html', 'docx'])
  })
})
