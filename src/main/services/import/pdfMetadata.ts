/**
 * What a PDF says about itself, in its info dictionary and its XMP packet, turned into
 * Dossier's provenance with the same precedence as web pages: what the file states beats
 * what the text suggests, except where the statement is junk. Word and other tools write
 * the file name as the title (« Microsoft Word - rapport.docx ») and the account name as
 * the author (« Administrateur »), which are not a report's title or author. Pure: the
 * importer hands over the raw values pdf.js read.
 */
import { normaliseDate } from './dates'
import { normaliseLanguage } from './language'
import { cleanMetadataText } from './metadataText'

/** The raw values, as pdf.js gives them: info entries are strings, XMP may hold arrays. */
export interface PdfMetadataSource {
  info: { Title?: unknown; Author?: unknown; CreationDate?: unknown; ModDate?: unknown; Language?: unknown }
  /** XMP properties by their qualified name (dc:title, dc:creator, xmp:createdate…). */
  xmp: (name: string) => unknown
}

export interface PdfProvenance {
  title: string | null
  author: string | null
  publishedAt: string | null
  language: string | null
}

/**
 * Titles that name the file or the tool rather than the document: a generator's prefix
 * (« Microsoft Word - », « Microsoft PowerPoint - »), a bare file name, or a placeholder.
 */
const JUNK_TITLE = [
  /^microsoft\s+(word|powerpoint|excel)\b/i,
  /\.(docx?|odt|rtf|pdf|pptx?|xlsx?|indd|qxd|pages|txt|tex|html?)$/i,
  /^(untitled|sans titre|document\s*\d*|doc\d+|titre|title|présentation powerpoint|powerpoint presentation)$/i
]

/** Account names that office software writes as the author. */
const JUNK_AUTHOR =
  /^(admin|administrator|administrateur|user|utilisateur|utilisateur windows|owner|propriétaire|unknown|inconnu|auteur|author)$/i

/** PDF dates: D:YYYYMMDDHHmmSSOHH'mm' where every part after the year is optional. */
const PDF_DATE = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?$/

export function readPdfProvenance(source: PdfMetadataSource): PdfProvenance {
  const title = [textOf(source.xmp('dc:title')), textOf(source.info.Title)].find(
    (candidate): candidate is string => candidate !== null && !isJunkTitle(candidate)
  )
  const author = [textOf(source.xmp('dc:creator')), textOf(source.info.Author)].find(
    (candidate): candidate is string => candidate !== null && !JUNK_AUTHOR.test(candidate)
  )
  const publishedAt =
    normaliseDate(textOf(source.xmp('xmp:createdate'))) ??
    pdfDateToIso(textOf(source.info.CreationDate)) ??
    normaliseDate(textOf(source.xmp('xmp:modifydate'))) ??
    pdfDateToIso(textOf(source.info.ModDate))
  return {
    title: title ?? null,
    author: author ?? null,
    publishedAt,
    language: normaliseLanguage(textOf(source.xmp('dc:language'))) ?? normaliseLanguage(textOf(source.info.Language))
  }
}

export function isJunkTitle(title: string): boolean {
  return JUNK_TITLE.some((pattern) => pattern.test(title.trim()))
}

/**
 * « D:20240305143000+01'00' » → « 2024-03-05T14:30:00+01:00 »; a date alone stays a date,
 * and a time without a zone stays without one rather than taking the machine's.
 */
export function pdfDateToIso(raw: string | null): string | null {
  const parts = raw ? PDF_DATE.exec(raw.trim()) : null
  if (!parts) return null
  const [
    ,
    year,
    month = '01',
    day = '01',
    hour,
    minute = '00',
    second = '00',
    zone,
    zoneHour = '00',
    zoneMinute = '00'
  ] = parts
  const date = `${year}-${month}-${day}`
  if (hour === undefined) return normaliseDate(date)
  const offset = zone === undefined ? '' : /z/i.test(zone) ? 'Z' : `${zone}${zoneHour}:${zoneMinute}`
  return normaliseDate(`${date}T${hour}:${minute}:${second}${offset}`)
}

/** XMP gives a language alternative (a string) or a sequence (an array); either becomes one line. */
function textOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value.map((item) => (typeof item === 'string' ? cleanMetadataText(item) : null)).filter(Boolean)
    return parts.length > 0 ? parts.join(', ') : null
  }
  return typeof value === 'string' ? cleanMetadataText(value) : null
}
