/**
 * The name an exported briefing is saved under. Analysts title briefings the way they
 * write (« Maroc–Israël : la coopération militaire ? »), and the file may be opened,
 * mailed and copied on Windows, macOS and Linux, so the title is made safe for all three
 * while keeping its accents and emoji: only what one of them refuses is replaced.
 */

/** Characters Windows refuses in a name (`/` is refused everywhere). */
const FORBIDDEN = /[/\\:*?"<>|]/g
/** Control characters, and the bidirectional overrides that can make « gpj.exe » display as « exe.jpg ». */
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu
/** Half an emoji left alone by a careless paste: no file system stores it faithfully. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
/** Names Windows keeps for devices, whatever follows their first dot. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i

/** In UTF-16 units, well under every platform's limit once a folder path is in front. */
export const MAX_FILE_NAME_LENGTH = 120
/** ext4 and others count bytes (255), and an emoji takes four of them in UTF-8. */
const MAX_FILE_NAME_BYTES = 240

const FALLBACK_TITLE = 'briefing'

/** `<title> - <YYYY-MM-DD>.<ext>`, safe to save on any of the three platforms. */
export function briefingFileName(title: string, date: string, extension: string): string {
  const ext = extension.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '')
  const suffix = `${/^\d{4}-\d{2}-\d{2}$/.test(date) ? ` - ${date}` : ''}${ext ? `.${ext}` : ''}`
  let base = cleanTitle(title)
  base = cutToFit(base, MAX_FILE_NAME_LENGTH - suffix.length, MAX_FILE_NAME_BYTES - utf8Length(suffix))
  base = trimEnds(base) || FALLBACK_TITLE
  const stem = `${base}${suffix}`.split('.')[0]!.replace(/ +$/, '')
  if (RESERVED.test(stem)) base = `_${base}`
  return `${base}${suffix}`
}

function cleanTitle(title: string): string {
  return trimEnds(
    title
      .normalize('NFC')
      .replace(LONE_SURROGATE, '')
      .replace(INVISIBLE, ' ')
      .replace(/"/g, "'")
      .replace(FORBIDDEN, '-')
      // Every kind of space becomes a plain one: a no-break space in a file name only confuses.
      .replace(/\s+/gu, ' ')
  )
}

/** Leading dots would hide the file on Linux and macOS; trailing dots and spaces Windows drops silently. */
function trimEnds(name: string): string {
  return name.replace(/^[\s.]+/u, '').replace(/[\s.\-–—]+$/u, '')
}

/** Cuts between user-perceived characters, so an emoji (even a ZWJ family or a flag) is kept whole or left out. */
function cutToFit(text: string, maxUnits: number, maxBytes: number): string {
  if (text.length <= maxUnits && utf8Length(text) <= maxBytes) return text
  let kept = ''
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const next = kept + segment
    if (next.length > maxUnits || utf8Length(next) > maxBytes) break
    kept = next
  }
  return kept
}

function utf8Length(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}
