/**
 * Encodings are where imports silently go wrong: a mis-decoded ’ or € is a changed word
 * in a quotation an analyst may cite. Every fixture is built byte by byte so the test
 * does not trust the same library that does the decoding.
 */
import { describe, expect, it } from 'vitest'
import { decodeText, sniffHtmlCharset } from './decodeText'
import { RejectedInput } from './importError'

const SENTENCE = 'Le cœur de l’armée coûte 5 €'

/** "Le cœur de l’armée coûte 5 €" in Windows-1252: œ=9C, ’=92, é=E9, û=FB, €=80. */
const CP1252_SENTENCE = [
  0x4c, 0x65, 0x20, 0x63, 0x9c, 0x75, 0x72, 0x20, 0x64, 0x65, 0x20, 0x6c, 0x92, 0x61, 0x72, 0x6d, 0xe9, 0x65, 0x20,
  0x63, 0x6f, 0xfb, 0x74, 0x65, 0x20, 0x35, 0x20, 0x80
]

/** "L'été à Paris, déjà très chaud." in ISO-8859-1: é=E9, à=E0, è=E8. */
const LATIN1_SENTENCE = [
  0x4c, 0x27, 0xe9, 0x74, 0xe9, 0x20, 0xe0, 0x20, 0x50, 0x61, 0x72, 0x69, 0x73, 0x2c, 0x20, 0x64, 0xe9, 0x6a, 0xe0,
  0x20, 0x74, 0x72, 0xe8, 0x73, 0x20, 0x63, 0x68, 0x61, 0x75, 0x64, 0x2e
]

/** UTF-16 code units written out by hand, low byte first for LE. */
function utf16(text: string, order: 'le' | 'be'): number[] {
  const bom = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]
  const units = Array.from({ length: text.length }, (_, index) => text.charCodeAt(index))
  return [...bom, ...units.flatMap((unit) => (order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]))]
}

function utf8(text: string): number[] {
  return Array.from(new TextEncoder().encode(text))
}

const decode = (bytes: number[], declaredCharset?: string): string =>
  decodeText(Uint8Array.from(bytes), { declaredCharset })

describe('decodeText', () => {
  it('decodes Windows-1252, including the bytes ISO-8859-1 leaves undefined (’ œ €)', () => {
    expect(decode(CP1252_SENTENCE)).toBe(SENTENCE)
  })

  it('decodes ISO-8859-1', () => {
    expect(decode(LATIN1_SENTENCE)).toBe("L'été à Paris, déjà très chaud.")
  })

  it('decodes short Latin text as Windows-1252 when detection is only guessing', () => {
    // chardet calls this Turkish ISO-8859-9 with low confidence.
    const bytes = [0xc9, 0x6c, 0xe8, 0x76, 0x65, 0x2c, 0x20, 0x67, 0x61, 0x72, 0xe7, 0x6f, 0x6e, 0x2c, 0x20, 0x6f, 0xf9]
    expect(decode(bytes)).toBe('Élève, garçon, où')
  })

  it('decodes Windows-1252 typographic quotes and no-break spaces', () => {
    // « Oui » with NBSP (A0), then “non” (93, 94) and a dash (96)
    const bytes = [0xab, 0xa0, 0x4f, 0x75, 0x69, 0xa0, 0xbb, 0x20, 0x96, 0x20, 0x93, 0x6e, 0x6f, 0x6e, 0x94]
    expect(decode(bytes)).toBe('«\u00a0Oui\u00a0» – “non”')
  })

  it('decodes UTF-8 with and without a BOM', () => {
    expect(decode(utf8(SENTENCE))).toBe(SENTENCE)
    expect(decode([0xef, 0xbb, 0xbf, ...utf8(SENTENCE)])).toBe(SENTENCE)
  })

  it('decodes UTF-16 LE and BE with a BOM', () => {
    expect(decode(utf16(SENTENCE, 'le'))).toBe(SENTENCE)
    expect(decode(utf16(SENTENCE, 'be'))).toBe(SENTENCE)
  })

  it('uses the charset a document declares when its bytes are not UTF-8', () => {
    expect(decode(CP1252_SENTENCE, 'windows-1252')).toBe(SENTENCE)
    expect(decode(CP1252_SENTENCE, 'iso-8859-1')).toBe(SENTENCE)
    // Mislabelled as UTF-8: the label is ignored rather than producing U+FFFD.
    expect(decode(CP1252_SENTENCE, 'utf-8')).toBe(SENTENCE)
  })

  it('turns CRLF and CR line ends into LF', () => {
    expect(decode(utf8('un\r\ndeux\rtrois\n'))).toBe('un\ndeux\ntrois\n')
    expect(decode([...CP1252_SENTENCE, 0x0d, 0x0a, 0x0d, 0x0a, 0x4f, 0x4b])).toBe(`${SENTENCE}\n\nOK`)
  })

  it('drops a stray DOS end-of-file mark without calling the file binary', () => {
    expect(decode([...utf8(SENTENCE), 0x1a])).toBe(SENTENCE)
  })

  it('refuses binary content', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0]
    expect(() => decode(png)).toThrow(RejectedInput)
    expect(() => decode(png)).toThrow('the file is not text (it looks binary)')
    const controls = Array.from({ length: 200 }, (_, index) => (index % 3 === 0 ? 0x41 : (index % 31) + 1))
    expect(() => decode(controls)).toThrow('it looks binary')
  })

  it('refuses a file whose UTF-8 BOM is followed by something else', () => {
    expect(() => decode([0xef, 0xbb, 0xbf, ...CP1252_SENTENCE])).toThrow('not valid UTF-8')
  })
})

describe('sniffHtmlCharset', () => {
  it('finds <meta charset> and the http-equiv form', () => {
    expect(sniffHtmlCharset(Uint8Array.from(utf8('<html><head><meta charset="windows-1252">')))).toBe('windows-1252')
    const httpEquiv = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    expect(sniffHtmlCharset(Uint8Array.from(utf8(httpEquiv)))).toBe('ISO-8859-1')
    expect(sniffHtmlCharset(Uint8Array.from(utf8('<p>rien</p>')))).toBeNull()
  })
})
