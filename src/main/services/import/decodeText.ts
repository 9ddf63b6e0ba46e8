/**
 * Turns the bytes of a text, Markdown or HTML file into a string without changing a word.
 *
 * Analysts' files come from everywhere: UTF-8 from the web, UTF-16 from Windows tools,
 * and Windows-1252 from older French newsroom systems (where ’ is 0x92 and € is 0x80).
 * Guessing wrong turns « l’armée » into « lâ€™armÃ©e », so the order of checks matters:
 * byte-order marks are certain, valid UTF-8 is nearly certain, a charset the file
 * declares comes next, and statistical detection is the last resort.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'
import { RejectedInput } from './importError'

const NOT_TEXT = 'the file is not text (it looks binary)'

/** The code page French text is in when it is not Unicode; a superset of ISO-8859-1. */
const WESTERN_FALLBACK = 'windows-1252'

/**
 * Below this confidence chardet is guessing between near-identical Latin code pages
 * (it calls a short French text Turkish ISO-8859-9), so the French default is safer.
 */
const MIN_TRUSTED_CONFIDENCE = 30

/** Enough bytes for chardet to be sure; analysing all 25 MB would only cost time. */
const DETECTION_SAMPLE_BYTES = 256 * 1024

/** Text files have the odd stray control character; binary files have them everywhere. */
const MAX_CONTROL_CHAR_RATIO = 0.05

/** C0 controls other than tab, line feed, form feed and carriage return, plus DEL and U+FFFD. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g

/** Invisible leftovers such as a DOS end-of-file mark; they are not words and would confuse offsets. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const STRAY_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

interface DecodeOptions {
  /** The charset the document itself declares, such as an HTML <meta charset>. */
  declaredCharset?: string | null
}

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const decoded = decodeBytes(bytes, options)
  if (looksBinary(decoded)) throw new RejectedInput(NOT_TEXT, 'import.notText')
  return decoded
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(STRAY_CONTROLS, '')
}

function decodeBytes(bytes: Uint8Array, options: DecodeOptions): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3)) ?? rejectFalseUtf8()
  if (startsWith(bytes, [0xff, 0xfe])) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le')
  if (startsWith(bytes, [0xfe, 0xff])) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be')
  // Without a BOM, NUL bytes mean a binary file (BOM-less UTF-16 is too rare to guess at).
  if (bytes.includes(0)) throw new RejectedInput(NOT_TEXT, 'import.notText')
  const utf8 = decodeUtf8(bytes)
  if (utf8 !== null) return utf8
  return iconv.decode(Buffer.from(bytes), legacyEncoding(bytes, options.declaredCharset))
}

/** A file that announces UTF-8 with a BOM but is not UTF-8 is damaged: guessing would alter words. */
function rejectFalseUtf8(): never {
  throw new RejectedInput('the file says it is UTF-8 but is not valid UTF-8', 'import.invalidUtf8')
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function legacyEncoding(bytes: Uint8Array, declaredCharset: string | null | undefined): string {
  const declared = usableEncoding(declaredCharset)
  // A page declaring UTF-8 with bytes that are not UTF-8 was mislabelled: ignore the label.
  if (declared && !/^utf-?8$/i.test(declared)) return preferWindows1252(declared)
  const [best] = chardet.analyse(bytes.subarray(0, DETECTION_SAMPLE_BYTES))
  if (!best || best.confidence < MIN_TRUSTED_CONFIDENCE) return WESTERN_FALLBACK
  return usableEncoding(best.name) ? preferWindows1252(best.name) : WESTERN_FALLBACK
}

function usableEncoding(name: string | null | undefined): string | null {
  const trimmed = name?.trim()
  return trimmed && iconv.encodingExists(trimmed) ? trimmed : null
}

/**
 * Files labelled ISO-8859-1 are nearly always Windows-1252 in practice (browsers treat
 * the label that way too); decoding 0x80–0x9F as controls would lose ’, œ, € and «…».
 */
function preferWindows1252(encoding: string): string {
  return /^(?:iso-?8859-1|latin-?1|us-ascii|ascii)$/i.test(encoding) ? WESTERN_FALLBACK : encoding
}

function looksBinary(text: string): boolean {
  if (text.length === 0) return false
  const unprintable = text.match(UNPRINTABLE)?.length ?? 0
  return unprintable / text.length > MAX_CONTROL_CHAR_RATIO
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

/** The charset an HTML file declares in its first kilobyte, as browsers look for it. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  return match?.[1] ?? null
}
