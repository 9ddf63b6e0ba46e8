/**
 * Bylines as newsrooms write them: « Par Nadia Benali, le 19 juillet 2022 à 10h30 »,
 * "By Jane Smith | July 19, 2022". Stored whole as the author, the date would appear in
 * every citation as part of a name ("Benali, Nadia, le 19 juillet 2022") and the article
 * would have no date. This module splits a byline into the name and the calendar date.
 *
 * The date is read by hand, not by `Date.parse`: that reads "19 juillet 2022" in the
 * machine's zone or not at all. A byline gives a calendar day, so it is kept as one
 * (YYYY-MM-DD), never moved by a time zone.
 */

export interface Byline {
  author: string | null
  /** YYYY-MM-DD, or null when the byline names no date Dossier can read for certain. */
  publishedAt: string | null
}

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12
}

const MONTH = `(${Object.keys(MONTHS).join('|')})\\.?`
/** « 19 juillet 2022 », « 1er août 2022 », "19 July 2022". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, 'iu')
/** "July 19, 2022". */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu')
/** 2022-07-19. */
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/
/** 19/07/2022 and 19.07.2022: day first, as in French (an American 07/19 fails the month check). */
const NUMERIC_DAY_FIRST = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/

/** "Par ", "By ", "Propos recueillis par ": words before the name that are not the name. */
const LEADING_WORDS = /^(?:(?:propos recueillis |écrit |ecrit |publié |publie )?par|by|written by)\s+/iu
/**
 * Where the name ends and the date begins: ", le ", " - ", " | ", ", publié le ", " on "…
 * Only cut when a date was found after it, so "Le Monde" or a double-barrelled name is kept.
 */
const BEFORE_DATE = /\s*(?:[,|·•—–-]\s*|\s)(?:(?:publié|publie|mis à jour|updated|published)\s+)?(?:(?:le|on)\s+)?$/iu

export function parseByline(raw: string | null | undefined): Byline {
  const line = raw?.replace(/\s+/g, ' ').trim() ?? ''
  if (!line) return { author: null, publishedAt: null }
  const withoutLead = line.replace(LEADING_WORDS, '')
  const found = findDate(withoutLead)
  if (!found) return { author: withoutLead || null, publishedAt: null }
  const author = withoutLead.slice(0, found.index).replace(BEFORE_DATE, '').trim()
  return { author: author || null, publishedAt: found.date }
}

/** The first date in `text`, where it starts, as YYYY-MM-DD; null when none is certain. */
function findDate(text: string): { index: number; date: string } | null {
  const candidates: { index: number; date: string | null }[] = []
  const dayMonthYear = DAY_MONTH_YEAR.exec(text)
  if (dayMonthYear) {
    const [, day, month, year] = dayMonthYear
    candidates.push({ index: dayMonthYear.index, date: calendarDay(year, MONTHS[month!.toLowerCase()], day) })
  }
  const monthDayYear = MONTH_DAY_YEAR.exec(text)
  if (monthDayYear) {
    const [, month, day, year] = monthDayYear
    candidates.push({ index: monthDayYear.index, date: calendarDay(year, MONTHS[month!.toLowerCase()], day) })
  }
  const iso = ISO_DAY.exec(text)
  if (iso) candidates.push({ index: iso.index, date: calendarDay(iso[1], Number(iso[2]), iso[3]) })
  const numeric = NUMERIC_DAY_FIRST.exec(text)
  if (numeric) candidates.push({ index: numeric.index, date: calendarDay(numeric[3], Number(numeric[2]), numeric[1]) })
  const first = candidates.filter((candidate) => candidate.date !== null).sort((a, b) => a.index - b.index)[0]
  return first ? { index: first.index, date: first.date! } : null
}

/** YYYY-MM-DD when the day exists in that month and year, else null (31 June is a typo, not a date). */
function calendarDay(year: string | undefined, month: number | undefined, day: string | undefined): string | null {
  const y = Number(year)
  const d = Number(day)
  if (!month || !Number.isInteger(y) || !Number.isInteger(d) || month < 1 || month > 12 || d < 1) return null
  const daysInMonth = new Date(Date.UTC(y, month, 0)).getUTCDate()
  if (d > daysInMonth) return null
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** How far down a byline line may sit: under a headline, a kicker and a standfirst at most. */
const BYLINE_SEARCH_BLOCKS = 4
/** A byline is one short line; a longer "Par …" block is a sentence of the article. */
const BYLINE_MAX_CHARS = 140
/** The lead word in any case, then a capital: a name. (No `i` flag: under it \p{Lu} would match any letter.) */
const BYLINE_LINE = /^(?:(?:[Pp]ropos recueillis |[ÉéEe]crit )?[Pp]ar|[Bb]y|[Ww]ritten by|PAR|BY)\s+\p{Lu}/u

/**
 * The byline among the first lines of a text that carries no metadata (a text file, a paste
 * of a page's words): « Par Nadia Benali, le 19 juillet 2022 » read as author and date. The
 * line stays in the text: it is what the source says.
 */
export function bylineInBlocks(blocks: readonly { text: string }[]): Byline | null {
  for (const block of blocks.slice(0, BYLINE_SEARCH_BLOCKS)) {
    const text = block.text.trim()
    if (text.length <= BYLINE_MAX_CHARS && BYLINE_LINE.test(text)) return parseByline(text)
  }
  return null
}
