/**
 * The DOCX exporter is checked on the file Word would open: the package is unzipped and its
 * XML parts read as XML (a parse error is exactly what makes Word call a file corrupt), and
 * mammoth reads the whole file back, as another Word reader would.
 */
import JSZip from 'jszip'
import { JSDOM } from 'jsdom'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { countItems, type BriefingDocument, type BriefingSection } from '../../../shared/briefing/document'
import { clean, docxExporter, wordLanguage } from './docx'
import { NBSP, reviewBriefing, sampleBriefing } from './testing/sampleBriefing'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

interface Exported {
  zip: JSZip
  bytes: Uint8Array
  part(name: string): Promise<string>
  xml(name: string): Promise<Document>
}

async function exported(document: BriefingDocument, paper?: 'a4' | 'letter'): Promise<Exported> {
  const bytes = await docxExporter.export(document, paper ? { paper } : {})
  const zip = await JSZip.loadAsync(bytes)
  const part = async (name: string): Promise<string> => {
    const file = zip.file(name)
    if (!file) throw new Error(`${name} is missing from the package`)
    return file.async('string')
  }
  return { zip, bytes, part, xml: async (name) => parseXml(await part(name)) }
}

/** Parses strictly: a malformed part throws instead of yielding a half-read tree. */
function parseXml(xml: string): Document {
  const document = new JSDOM(xml, { contentType: 'text/xml' }).window.document
  if (document.getElementsByTagName('parsererror').length) throw new Error('malformed XML')
  return document
}

interface WordParagraph {
  style: string | null
  text: string
  element: Element
}

/** The body's paragraphs with their style and text, a `w:br` read as a newline. */
function paragraphs(document: Document): WordParagraph[] {
  return [...document.getElementsByTagNameNS(W, 'p')].map((element) => {
    const style = element.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? null
    let text = ''
    for (const node of element.getElementsByTagNameNS(W, '*')) {
      if (node.localName === 't') text += node.textContent
      else if (node.localName === 'br') text += '\n'
    }
    return { style, text, element }
  })
}

function styled(document: Document, style: string): string[] {
  return paragraphs(document)
    .filter((paragraph) => paragraph.style === style)
    .map((paragraph) => paragraph.text)
}

/** Text of the runs in `paragraph` that carry `property` (`b`, `i`). */
function runsWith(paragraph: Element, property: 'b' | 'i'): string[] {
  return [...paragraph.getElementsByTagNameNS(W, 'r')]
    .filter((run) => run.getElementsByTagNameNS(W, 'rPr')[0]?.getElementsByTagNameNS(W, property).length)
    .map((run) => run.textContent ?? '')
}

/** Code points XML 1.0 forbids (lone surrogates included), as hex, to name them in a failure. */
function forbiddenCharacters(text: string): string[] {
  const found: string[] = []
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000
    if (!allowed) found.push(code.toString(16))
  }
  return found
}

const q = (text: string): string => `«${NBSP}${text}${NBSP}»`

describe('docxExporter', () => {
  it('declares the Word format', () => {
    expect(docxExporter.format).toBe('docx')
    expect(docxExporter.extension).toBe('docx')
    expect(docxExporter.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  })

  it('writes a package whose XML parts all parse', async () => {
    const { zip, part } = await exported(sampleBriefing())
    const names = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name))
    expect(names).toContain('word/document.xml')
    for (const name of names) {
      const xml = await part(name)
      expect(() => parseXml(xml), name).not.toThrow()
    }
    expect(() => parseXml('<w:p>&</w:p>')).toThrow()
  })

  it('uses Title and Heading styles, section levels mapping to heading levels', async () => {
    const document = sampleBriefing()
    document.sections[1]!.level = 2
    const body = await (await exported(document)).xml('word/document.xml')
    expect(styled(body, 'Title')).toEqual([`Maroc–Israël${NBSP}: la coopération militaire`])
    expect(styled(body, 'Subtitle')).toEqual([`Revue de presse, ${q('Accords d’Abraham')}`])
    expect(styled(body, 'Heading1')).toEqual(['Points clés', 'Acteurs/Israël', 'Sources'])
    expect(styled(body, 'Heading2')).toEqual(['Acteurs/Maroc'])
    expect(styled(body, 'Byline')).toEqual([`Auteur${NBSP}: Cellule Afrique du Nord`, `Date${NBSP}: 4 mars 2024`])
    expect(styled(body, 'Classification')).toEqual(['Diffusion restreinte'])
  })

  it('keeps every heading with the paragraph after it, in the paragraph and in its style', async () => {
    const { xml } = await exported(sampleBriefing())
    const body = await xml('word/document.xml')
    const headings = paragraphs(body).filter((paragraph) => /^Heading\d$/.test(paragraph.style ?? ''))
    expect(headings.length).toBe(4)
    for (const heading of headings) expect(heading.element.getElementsByTagNameNS(W, 'keepNext').length).toBe(1)
    const styles = await xml('word/styles.xml')
    const heading1 = [...styles.getElementsByTagNameNS(W, 'style')].find(
      (style) => style.getAttributeNS(W, 'styleId') === 'Heading1'
    )
    expect(heading1?.getElementsByTagNameNS(W, 'keepNext').length).toBe(1)
    expect(heading1?.getElementsByTagNameNS(W, 'outlineLvl')[0]?.getAttributeNS(W, 'val')).toBe('0')
  })

  it('prints the key points as a bulleted list', async () => {
    const body = await (await exported(sampleBriefing())).xml('word/document.xml')
    const bullets = paragraphs(body).filter((paragraph) => paragraph.element.getElementsByTagNameNS(W, 'numPr').length)
    expect(bullets.slice(0, 3).map((paragraph) => paragraph.text)).toEqual([
      `La visite de Kochavi vise la ${q('coopération militaire')}.`,
      'Rabat négocie en parallèle pour les Palestiniens.',
      'La sécurité d’Israël n’est pas le seul enjeu.'
    ])
  })

  it('puts each quote in one Quote paragraph, followed by its citation', async () => {
    const document = sampleBriefing()
    const { xml } = await exported(document)
    const body = await xml('word/document.xml')
    const quotes = styled(body, 'Quote')
    expect(quotes.length).toBe(countItems(document))
    expect(quotes[0]).toBe(`de ${q('promouvoir la coopération militaire')} entre les deux pays`)
    // The quote spanning two article paragraphs stays one paragraph, its second part on a new line.
    expect(quotes[2]).toBe(
      'Israël et le Maroc ont établi des relations de bas niveau dans les années 1990.\n' +
        'L’amélioration des liens en 2020 […] a apporté des vols directs et la sécurité d’Israël\u202f!'
    )
    expect(styled(body, 'QuoteSource')).toEqual([
      `[1] Le Desk, ${q('Le chef d’état-major israélien en visite au Maroc')}, Rédaction, 18 juillet 2022, §${NBSP}1`,
      `[1] Le Desk, ${q('Le chef d’état-major israélien en visite au Maroc')}, Rédaction, 18 juillet 2022, §${NBSP}4`,
      // Orphaned note: no paragraph number.
      `[2] ${q(`Accords d’Abraham${NBSP}: deux ans après`)}`
    ])
    const styles = await xml('word/styles.xml')
    const quote = [...styles.getElementsByTagNameNS(W, 'style')].find(
      (style) => style.getAttributeNS(W, 'styleId') === 'Quote'
    )
    expect(quote?.getAttributeNS(W, 'type')).toBe('paragraph')
    expect(quote?.getElementsByTagNameNS(W, 'i').length).toBe(1)
    expect(quote?.getElementsByTagNameNS(W, 'ind')[0]?.getAttributeNS(W, 'left')).toBe('567')
  })

  it('turns **strong** and *em* in note text into bold and italic runs, and nothing else', async () => {
    const document = sampleBriefing()
    document.sections[0]!.items[1]!.noteText = 'Prix : 3 * 4 = 12, **gras** et _souligné_ <b>non</b> & `code`'
    const body = await (await exported(document)).xml('word/document.xml')
    const note = paragraphs(body).find((paragraph) => paragraph.text.startsWith('Objectif'))
    expect(note?.text).toBe('Objectif officiel de la visite, à comparer avec Globes.')
    expect(runsWith(note!.element, 'b')).toEqual(['officiel'])
    expect(runsWith(note!.element, 'i')).toEqual(['Globes'])
    const literal = paragraphs(body).find((paragraph) => paragraph.text.startsWith('Prix'))
    expect(literal?.text).toBe('Prix : 3 * 4 = 12, gras et _souligné_ <b>non</b> & `code`')
    expect(runsWith(literal!.element, 'b')).toEqual(['gras'])
    expect(runsWith(literal!.element, 'i')).toEqual([])
    // A single newline in a note is a line break, not a new paragraph.
    const multiline = paragraphs(body).find((paragraph) => paragraph.text.startsWith('Chronologie'))
    expect(multiline?.text).toBe(`Chronologie utile${NBSP}: 1990, 2000, 2020.\nÀ vérifier auprès d’une autre source.`)
    expect(runsWith(multiline!.element, 'i')).toEqual(['autre'])
  })

  it('prints the tags line of each item', async () => {
    const body = await (await exported(sampleBriefing())).xml('word/document.xml')
    expect(styled(body, 'Tags')).toEqual([
      `Étiquettes${NBSP}: Acteurs/Israël, Thèmes/Défense`,
      `Étiquettes${NBSP}: Acteurs/Israël`,
      `Étiquettes${NBSP}: Acteurs/Maroc`
    ])
  })

  it('ends with a numbered sources list, linking only http(s) addresses', async () => {
    const document = sampleBriefing()
    document.sources[1]!.url = 'javascript:alert(1)'
    const { xml } = await exported(document)
    const body = await xml('word/document.xml')
    const sources = paragraphs(body).filter((paragraph) => paragraph.style === 'SourceEntry')
    expect(sources.map((paragraph) => paragraph.text)).toEqual([
      `Le Desk, ${q('Le chef d’état-major israélien en visite au Maroc')}, Rédaction, 18 juillet 2022, ` +
        'https://example.org/maroc/kochavi-visite',
      `${q(`Accords d’Abraham${NBSP}: deux ans après`)}, javascript:alert(1)`
    ])
    for (const source of sources) expect(source.element.getElementsByTagNameNS(W, 'numPr').length).toBe(1)
    expect(sources[0]!.element.getElementsByTagNameNS(W, 'hyperlink').length).toBe(1)
    expect(sources[1]!.element.getElementsByTagNameNS(W, 'hyperlink').length).toBe(0)
    const id = sources[0]!.element.getElementsByTagNameNS(W, 'hyperlink')[0]!.getAttributeNS(R, 'id')
    const rels = await xml('word/_rels/document.xml.rels')
    const targets = [...rels.getElementsByTagName('Relationship')]
      .filter((rel) => rel.getAttribute('TargetMode') === 'External')
      .map((rel) => [rel.getAttribute('Id'), rel.getAttribute('Target')])
    expect(targets).toEqual([[id, 'https://example.org/maroc/kochavi-visite']])
    // Word numbers the list as the citations do: [1], [2].
    const numbering = await xml('word/numbering.xml')
    const levelTexts = [...numbering.getElementsByTagNameNS(W, 'lvlText')].map((el) => el.getAttributeNS(W, 'val'))
    expect(levelTexts).toContain('[%1]')
  })

  it('keeps French typography and writes a French document', async () => {
    const { part, xml } = await exported(sampleBriefing())
    const documentXml = await part('word/document.xml')
    expect(documentXml).toContain(`«${NBSP}promouvoir la coopération militaire${NBSP}»`)
    expect(documentXml).toContain('d’Israël\u202f!')
    expect(documentXml).not.toContain('&#160;')
    const styles = await xml('word/styles.xml')
    const defaults = styles.getElementsByTagNameNS(W, 'docDefaults')[0]
    expect(defaults?.getElementsByTagNameNS(W, 'lang')[0]?.getAttributeNS(W, 'val')).toBe('fr-FR')
  })

  it('writes an English briefing with English labels and language', async () => {
    const document = sampleBriefing({ language: 'en' })
    const { xml } = await exported(document)
    const body = await xml('word/document.xml')
    expect(styled(body, 'Heading1')).toEqual(['Key points', 'Acteurs/Israël', 'Acteurs/Maroc', 'Sources'])
    expect(styled(body, 'Byline')[1]).toBe('Date: March 4, 2024')
    expect(styled(body, 'Tags')[1]).toBe('Tags: Acteurs/Israël')
    const styles = await xml('word/styles.xml')
    expect(
      styles.getElementsByTagNameNS(W, 'docDefaults')[0]?.getElementsByTagNameNS(W, 'lang')[0]?.getAttributeNS(W, 'val')
    ).toBe('en-US')
    expect((await xml('word/footer1.xml')).documentElement.textContent).toContain(' of ')
  })

  it('numbers the pages in the footer and repeats the classification in the header', async () => {
    const { zip, part } = await exported(sampleBriefing())
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name))
    expect(footers.length).toBeGreaterThan(0)
    const footer = parseXml(await part(footers[0]!))
    const fields = [...footer.getElementsByTagNameNS(W, 'instrText')].map((el) => el.textContent?.trim())
    expect(fields).toEqual(['PAGE', 'NUMPAGES'])
    expect(footer.documentElement.textContent).toContain(' sur ')
    const headers = Object.keys(zip.files).filter((name) => /^word\/header\d*\.xml$/.test(name))
    expect(headers.length).toBe(1)
    expect(parseXml(await part(headers[0]!)).documentElement.textContent).toBe('Diffusion restreinte')
  })

  it('has no page header when there is no classification', async () => {
    const { zip } = await exported(sampleBriefing({ frontMatter: { classification: '' } }))
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/header'))).toEqual([])
  })

  it('sets A4 by default and Letter on request', async () => {
    const size = async (paper?: 'a4' | 'letter'): Promise<string[]> => {
      const body = await (await exported(sampleBriefing(), paper)).xml('word/document.xml')
      const pgSz = body.getElementsByTagNameNS(W, 'pgSz')[0]!
      return [pgSz.getAttributeNS(W, 'w') ?? '', pgSz.getAttributeNS(W, 'h') ?? '']
    }
    expect(await size()).toEqual(['11906', '16838'])
    expect(await size('a4')).toEqual(['11906', '16838'])
    expect(await size('letter')).toEqual(['12240', '15840'])
  })

  it('survives hostile text: markup stays literal and XML-forbidden characters are dropped', async () => {
    const hostile = 'a<w:p>b</w:p>&amp;c\u0000d\u0001e\u0008f\u000bg\u000ch\u001fi\ufffej\uffffk\ud800l'
    const document = sampleBriefing({
      frontMatter: { title: hostile, subtitle: hostile, author: hostile, keyPoints: hostile, classification: hostile }
    })
    document.sections[0]!.heading = hostile
    document.sections[0]!.intro = hostile
    const item = document.sections[0]!.items[0]!
    item.quote = hostile
    item.noteText = `**${hostile}**`
    item.tags = [{ path: hostile, color: null }]
    document.sources[0]!.title = hostile
    document.sources[0]!.outlet = hostile
    document.sources[0]!.url = `https://example.org/?q=${hostile}`
    const { zip, part } = await exported(document)
    const expected = 'a<w:p>b</w:p>&amp;cdefghijkl'
    for (const name of Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name))) {
      const xml = await part(name)
      expect(forbiddenCharacters(xml), name).toEqual([])
      parseXml(xml)
    }
    const body = parseXml(await part('word/document.xml'))
    expect(styled(body, 'Title')).toEqual([expected])
    expect(styled(body, 'Heading1')[1]).toBe(expected)
    expect(styled(body, 'Quote')[0]).toBe(expected)
    expect(paragraphs(body).filter((paragraph) => paragraph.text === expected).length).toBeGreaterThanOrEqual(6)
    expect(await part('docProps/core.xml')).toContain('a&lt;w:p&gt;b&lt;/w:p&gt;&amp;amp;cdefghijkl')
    // Word opens what mammoth can read.
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(await docxExporter.export(document)) })
    expect(value).toContain('a&lt;w:p&gt;b&lt;/w:p&gt;&amp;amp;cdefghijkl')
  })

  it('writes a valid document with an empty-state sentence for an empty briefing', async () => {
    const document = sampleBriefing({ sections: [], sources: [], frontMatter: { keyPoints: '' } })
    const { xml } = await exported(document)
    const body = await xml('word/document.xml')
    expect(styled(body, 'Quote')).toEqual([])
    expect(styled(body, 'Heading1')).toEqual([])
    expect(paragraphs(body).map((paragraph) => paragraph.text)).toContain('Ce dossier ne contient aucune note.')
  })

  it('names an untitled briefing instead of leaving the title empty', async () => {
    const body = await (await exported(sampleBriefing({ frontMatter: { title: '  ' } }))).xml('word/document.xml')
    expect(styled(body, 'Title')).toEqual(['Dossier sans titre'])
  })

  it('prints a parent heading whose sub-tags hold the notes, and skips headings with nothing under them', async () => {
    const [israel, maroc] = sampleBriefing().sections as [BriefingSection, BriefingSection]
    const document = sampleBriefing({
      sections: [
        { key: 'acteurs', heading: 'Acteurs', level: 1, intro: 'Qui fait quoi.', items: [] },
        { ...israel, heading: 'Israël', level: 2 },
        { key: 'vide', heading: 'Vide', level: 2, intro: '', items: [] },
        { key: 'lieux', heading: 'Lieux', level: 1, intro: '', items: [] },
        { key: 'lieux/rabat', heading: 'Rabat', level: 2, intro: '', items: [] },
        { ...maroc, heading: 'Maroc', level: 1 }
      ]
    })
    const body = await (await exported(document)).xml('word/document.xml')
    const headings = paragraphs(body).filter((paragraph) => /^Heading\d$/.test(paragraph.style ?? ''))
    expect(headings.map((paragraph) => `${paragraph.style} ${paragraph.text}`)).toEqual([
      'Heading1 Points clés',
      'Heading1 Acteurs',
      'Heading2 Israël',
      'Heading1 Maroc',
      'Heading1 Sources'
    ])
    expect(styled(body, 'Intro')).toContain('Qui fait quoi.')
  })

  it('prints no section heading for an ungrouped briefing', async () => {
    const items = sampleBriefing().sections.flatMap((section) => section.items)
    const document = sampleBriefing({ sections: [{ key: 'all', heading: '', level: 1, intro: '', items }] })
    const body = await (await exported(document)).xml('word/document.xml')
    expect(styled(body, 'Heading1')).toEqual(['Points clés', 'Sources'])
    expect(styled(body, 'Quote').length).toBe(3)
  })

  it('reads back through mammoth with its headings, quotes and lists', async () => {
    const document = sampleBriefing()
    document.sections[1]!.level = 2
    const bytes = await docxExporter.export(document)
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    const page = new JSDOM(html).window.document
    const texts = (selector: string): string[] =>
      [...page.querySelectorAll(selector)].map((element) => element.textContent ?? '')
    expect(texts('h1')).toEqual(['Points clés', 'Acteurs/Israël', 'Sources'])
    expect(texts('h2')).toEqual(['Acteurs/Maroc'])
    const text = page.body.textContent ?? ''
    for (const item of document.sections.flatMap((section) => section.items).slice(0, 2)) {
      expect(text).toContain(item.quote)
    }
    expect(texts('ul li')).toHaveLength(3)
    expect(texts('ol li')).toHaveLength(2)
    expect(texts('strong')).toContain('officiel')
    expect(texts('em')).toContain('Globes')
  })
})

describe('clean', () => {
  it('drops what XML 1.0 forbids and keeps everything else', () => {
    expect(clean('a\u0000\u0001\u0008\u000b\u000c\u000e\u001fb')).toBe('ab')
    expect(clean('a\ufffe\uffffb\ud800c\udc00d')).toBe('abcd')
    expect(clean(`tab\tline\nret\r ${NBSP}«\u202f» é 😀 \u{10ffff}`)).toBe(
      `tab\tline\nret\r ${NBSP}«\u202f» é 😀 \u{10ffff}`
    )
  })
})

describe('wordLanguage', () => {
  it('gives Word a language with a region', () => {
    expect(wordLanguage('fr')).toBe('fr-FR')
    expect(wordLanguage('fr-CA')).toBe('fr-CA')
    expect(wordLanguage('en')).toBe('en-US')
    expect(wordLanguage('en_gb')).toBe('en-GB')
    expect(wordLanguage('')).toBe('fr-FR')
  })
})

describe('notes that need review and copies of deleted notes', () => {
  it('puts a warning paragraph in words just before each marked quote, kept with it on the page', async () => {
    const body = await (await exported(reviewBriefing())).xml('word/document.xml')
    const all = paragraphs(body)
    const marks = all.filter((paragraph) => paragraph.style?.startsWith('ReviewMark'))
    expect(marks.map((paragraph) => [paragraph.style, paragraph.text])).toEqual([
      ['ReviewMark', '⚠ Passage modifié depuis qu’il a été surligné'],
      ['ReviewMarkOrphaned', '⚠ Passage qui ne figure plus dans l’article']
    ])
    for (const mark of marks) {
      expect(all[all.indexOf(mark) + 1]?.style).toBe('Quote')
      expect(mark.element.getElementsByTagNameNS(W, 'keepNext').length).toBe(1)
    }
    // The unmarked quote has no warning before it.
    const quotes = all.filter((paragraph) => paragraph.style === 'Quote')
    expect(all[all.indexOf(quotes[1]!) - 1]?.style).not.toMatch(/^ReviewMark/)
    const plain = await (await exported(sampleBriefing())).xml('word/document.xml')
    expect(paragraphs(plain).filter((paragraph) => paragraph.style?.startsWith('ReviewMark'))).toEqual([])
  })

  it('says after the citation, in italics, that a quote comes from the copy of a deleted article', async () => {
    const body = await (await exported(reviewBriefing())).xml('word/document.xml')
    const sources = paragraphs(body).filter((paragraph) => paragraph.style === 'QuoteSource')
    expect(sources[2]?.text).toBe(
      `[2] ${q(`Accords d’Abraham${NBSP}: deux ans après`)} (état au 1 mars 2024, article supprimé)`
    )
    expect(runsWith(sources[2]!.element, 'i')).toEqual([' (état au 1 mars 2024, article supprimé)'])
    expect(sources[0]?.text).not.toContain('état au')
  })

  it('defines the warning styles, and reads back in another Word reader with the marks in English', async () => {
    const briefing = reviewBriefing({ language: 'en' })
    briefing.sections[1]!.items[0]!.snapshot = { asOf: '2024-03-01', deleted: 'note' }
    const { bytes, xml } = await exported(briefing)
    const styles = [...(await xml('word/styles.xml')).getElementsByTagNameNS(W, 'style')]
    const names = styles.map((style) => style.getAttributeNS(W, 'styleId'))
    expect(names).toEqual(expect.arrayContaining(['ReviewMark', 'ReviewMarkOrphaned']))
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    expect(value).toContain('⚠ Passage changed since highlighted')
    expect(value).toContain('⚠ Passage no longer in the article')
    expect(value).toContain('(as of March 1, 2024, note deleted)')
  })
})
