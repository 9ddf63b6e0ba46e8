/**
 * Word files, converted by mammoth to clean semantic HTML and then read like any other
 * HTML, sanitizer included. Readability is skipped: a Word file has no site chrome, so
 * the whole document is the article.
 */
import mammoth from 'mammoth'
import { htmlFragmentToBlocks } from './htmlImport'
import { NO_METADATA, type ArticleParts } from './importedArticle'
import { RejectedInput } from './importError'
import { detectLanguage } from './language'
import { titleFromBlocks } from './titles'
import { hostMessage } from '../../../shared/domain/hostMessages'
import { errorMessage } from '../../../shared/errorMessage'

/** Word's underline has no default mapping in mammoth; analysts use it for emphasis. */
const STYLE_MAP = ['u => u']

/** Images are not imported yet; an empty src spares base64-encoding every picture. */
const SKIP_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }))

/** Legacy .doc files are OLE compound documents, recognisable by this signature. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0]

export async function importDocx(bytes: Uint8Array): Promise<ArticleParts> {
  const html = withoutFootnoteBackLinks(await convertToHtml(bytes))
  const blocks = htmlFragmentToBlocks(html)
  if (blocks.length === 0) throw new RejectedInput('the document has no text', 'import.documentNoText')
  return { ...NO_METADATA, blocks, title: titleFromBlocks(blocks), language: detectLanguage(blocks) }
}

async function convertToHtml(bytes: Uint8Array): Promise<string> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const result = await mammoth.convertToHtml(
      { buffer },
      { styleMap: STYLE_MAP, convertImage: SKIP_IMAGES, externalFileAccess: false }
    )
    return result.value
  } catch (error) {
    const detail = whatIsWrong(bytes, error)
    throw new RejectedInput(`the Word file is damaged or not a .docx (${detail.words})`, 'import.docxDamaged', {
      detail: hostMessage(detail.code, { detail: detail.words })
    })
  }
}

function whatIsWrong(bytes: Uint8Array, error: unknown): { words: string; code: string } {
  if (OLE_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    return { words: 'it looks like an old .doc file: save it as .docx in Word', code: 'import.docxOldDoc' }
  }
  const message = errorMessage(error)
  if (/central directory|zip/i.test(message)) return { words: 'it is not a zip archive', code: 'import.docxNotZip' }
  if (/main document part/i.test(message)) {
    return { words: 'word/document.xml is missing', code: 'import.docxNoDocumentXml' }
  }
  return { words: message.split(/(?<=[.!?])\s/)[0]?.slice(0, 120) ?? 'unknown error', code: 'import.detail' }
}

/** mammoth ends each footnote with a "↑" link back to its reference: noise once imported. */
function withoutFootnoteBackLinks(html: string): string {
  return html.replace(/\s*<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g, '')
}
