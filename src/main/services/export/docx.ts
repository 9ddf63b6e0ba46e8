/**
 * Briefings as Word documents. Analysts hand briefings on to people who edit them in Word, so
 * this writes real Word structure rather than formatted text: built-in Title and Heading styles
 * (the navigation pane and a table of contents work), a Quote paragraph style for quotes, Word
 * lists for the key points and the sources, page numbers as fields in the footer, the
 * classification in every page header, and the document language, so spelling and hyphenation
 * follow French.
 *
 * This module is the document's skeleton: page size, header, footer and the order of its
 * parts. The parts are built in docxFrontMatter.ts, docxItems.ts and docxSources.ts, from the
 * runs of docxRuns.ts, styled by docxStyles.ts.
 */
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx'
import { countItems, type BriefingDocument } from '../../../shared/briefing/document'
import { frontMatterParagraphs, keyPointParagraphs } from './docxFrontMatter'
import { itemParagraphs, sectionParagraphs, sectionsWithContent } from './docxItems'
import { clean, runs, wordLanguage } from './docxRuns'
import { sourceParagraphs, type DocxContext } from './docxSources'
import { DOCX_FILE } from './docxLazy'
import { documentStyles, SOURCES_NUMBERING } from './docxStyles'
import type { BriefingExporter, ExportOptions } from './exporter'
import { labelsFor, languageTag, sourceIndex, sourceParts } from './labels'

export { clean, wordLanguage }

/** The footer's words around Word's PAGE and NUMPAGES fields. */
const PAGE_OF = {
  fr: (current: string, total: string) => ['Page ', current, ' sur ', total],
  en: (current: string, total: string) => ['Page ', current, ' of ', total]
}

/** Twips (1/1440 inch). A4 is Word's own default size; Letter for North American printers. */
const PAPER = {
  a4: { width: 11906, height: 16838, margin: 1417 },
  letter: { width: 12240, height: 15840, margin: 1440 }
} as const

async function exportDocx(document: BriefingDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  const labels = labelsFor(document.language)
  const language = languageTag(document)
  const sources = [...document.sources].sort((a, b) => a.number - b.number)
  const context: DocxContext = {
    language,
    labels,
    sources: sourceIndex(document),
    sourceParts: new Map(sources.map((source) => [source.number, sourceParts(source, labels, language)])),
    styled: document.styled,
    showTags: document.showTags
  }
  const total = countItems(document)

  const body: Paragraph[] = [
    ...frontMatterParagraphs(document, labels),
    ...keyPointParagraphs(document.frontMatter.keyPoints, labels)
  ]
  if (total === 0) body.push(new Paragraph({ style: 'Intro', children: runs(labels.empty) }))
  const printed = sectionsWithContent(document.sections)
  for (const [index, section] of document.sections.entries()) {
    if (!printed[index]) continue
    body.push(...sectionParagraphs(section))
    for (const item of section.items) {
      body.push(...itemParagraphs(item, context))
    }
  }
  body.push(...sourceParagraphs(sources, context))

  const paper = PAPER[options.paper ?? 'a4']
  const { title, subtitle, author, classification } = document.frontMatter
  const wordDocument = new Document({
    title: clean(title.trim() || labels.untitled),
    description: clean(subtitle.trim()),
    creator: clean(author.trim() || 'Dossier'),
    lastModifiedBy: 'Dossier',
    styles: documentStyles(wordLanguage(language)),
    numbering: SOURCES_NUMBERING,
    sections: [
      {
        properties: {
          page: {
            size: { width: paper.width, height: paper.height },
            margin: { top: paper.margin, right: paper.margin, bottom: paper.margin, left: paper.margin }
          }
        },
        ...(classification.trim()
          ? {
              headers: {
                default: new Header({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: runs(classification.trim(), { bold: true, allCaps: true, size: 16, color: 'C00000' })
                    })
                  ]
                })
              }
            }
          : {}),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    color: '595959',
                    children: PAGE_OF[labels.language](PageNumber.CURRENT, PageNumber.TOTAL_PAGES)
                  })
                ]
              })
            ]
          })
        },
        children: body
      }
    ]
  })
  const bytes = await Packer.pack(wordDocument, 'uint8array')
  return bytes
}

export const docxExporter: BriefingExporter = { ...DOCX_FILE, export: exportDocx }
