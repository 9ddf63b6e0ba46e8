/**
 * Names and retention of backup generations: pure rules, no disk (generationStore.ts does
 * the disk side), so that what is kept can be tested against a clock the test sets.
 *
 * A generation is the content a file held before one write replaced it, named after the
 * time that content was saved: `<stem>.<YYYYMMDDTHHMMSS.mmmZ>.json`. The stamp sorts as
 * text, carries no `:` (Windows refuses it in names), and tells the user exactly which
 * save a restore brings back. Older Dossiers kept `<stem>.<n>.json` (1 = newest); those
 * are still recognised, so a restore can use them, and age out like any other.
 */

/** What to keep of one file's generations. All ages are measured from `now`. */
export interface RetentionPolicy {
  /** The newest generations kept whatever their age: the last few saves, the usual thing to undo. */
  keepLast: number
  /** Within this age, the newest generation of each hour (UTC) is kept too. */
  hourlyForMs: number
  /** Within this age, the newest generation of each day (UTC) is kept too. */
  dailyForMs: number
  /** Past this many bytes in all, the oldest kept generations go; the newest is always kept. */
  maxBytes: number
}

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

export const DEFAULT_RETENTION: RetentionPolicy = {
  // Ten saves cover a burst of changes (a tag merge rewrites a notes file once per
  // operation, an edit session saves at each pause) while staying a small folder.
  keepLast: 10,
  // "What did it look like this morning?": one per hour for a day…
  hourlyForMs: 24 * HOUR_MS,
  // …and "before last week's import": one per day for two weeks.
  dailyForMs: 14 * DAY_MS,
  // At most 10 + 24 + 14 generations; a 1,000-article library.json is about 1 MB, so this
  // only bites for an unusually big file, where old copies would otherwise fill the disk.
  maxBytes: 64 * 1024 * 1024
}

/** True when a policy keeps nothing at all: then no generation is made. */
export function keepsNothing(policy: RetentionPolicy): boolean {
  return policy.keepLast <= 0 && policy.hourlyForMs <= 0 && policy.dailyForMs <= 0
}

/** `2026-12-02T00:40:47.123Z` → `20261202T004047.123Z`. */
export function generationStamp(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '')
}

/** The name of a generation saved at `time`; `n` > 0 tells apart two saved within the same millisecond. */
export function generationName(stem: string, time: number, n = 0): string {
  return `${stem}.${generationStamp(time)}${n > 0 ? `-${n}` : ''}.json`
}

export type ParsedGenerationName =
  | { kind: 'stamped'; time: number; n: number }
  /** Old style `<stem>.<index>.json`: its time is the file's mtime. */
  | { kind: 'numbered'; index: number }

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z(?:-([1-9]\d*))?$/

/** Whether `base` (a file name in the backups folder) is a generation of `stem`, and which. */
export function parseGenerationName(stem: string, base: string): ParsedGenerationName | null {
  const prefix = `${stem}.`
  if (!base.startsWith(prefix) || !base.endsWith('.json') || base.length <= prefix.length + 5) return null
  const middle = base.slice(prefix.length, -'.json'.length)
  if (/^[1-9]\d*$/.test(middle)) return { kind: 'numbered', index: Number(middle) }
  const match = STAMP.exec(middle)
  if (!match) return null
  const [, year, month, day, hour, minute, second, ms, n] = match.map(Number)
  const time = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, ms!)
  // Rejects impossible dates (month 13…), which Date.UTC would silently roll over.
  if (generationStamp(time) !== middle.replace(/-\d+$/, '')) return null
  return { kind: 'stamped', time, n: Number.isNaN(n) ? 0 : n! }
}

export interface DatedGeneration {
  /** When its content was saved, in ms since the epoch. */
  time: number
  size: number
}

/**
 * Newest first: by time, then (same millisecond) the later suffix, then old-style index 1
 * before 2. `order` breaks ties among equal times: lower comes first.
 */
export function newestFirst<G extends DatedGeneration & { order?: number }>(generations: readonly G[]): G[] {
  return [...generations].sort((a, b) => b.time - a.time || (a.order ?? 0) - (b.order ?? 0))
}

/**
 * Which generations `policy` keeps at `now`, newest first: the last `keepLast`, the
 * newest of each hour within `hourlyForMs`, the newest of each day within `dailyForMs`;
 * then the oldest of those go until the total fits in `maxBytes` (the newest stays).
 */
export function generationsToKeep<G extends DatedGeneration & { order?: number }>(
  generations: readonly G[],
  now: number,
  policy: RetentionPolicy
): G[] {
  const sorted = newestFirst(generations)
  const hoursSeen = new Set<number>()
  const daysSeen = new Set<number>()
  const kept = sorted.filter((generation, index) => {
    const age = now - generation.time
    const hour = Math.floor(generation.time / HOUR_MS)
    const day = Math.floor(generation.time / DAY_MS)
    // Every rule is evaluated (no short-circuit): each bucket must record its newest member.
    const newestOfHour = age < policy.hourlyForMs && !hoursSeen.has(hour)
    const newestOfDay = age < policy.dailyForMs && !daysSeen.has(day)
    if (age < policy.hourlyForMs) hoursSeen.add(hour)
    if (age < policy.dailyForMs) daysSeen.add(day)
    return index < policy.keepLast || newestOfHour || newestOfDay
  })
  let total = 0
  return kept.filter((generation, index) => {
    total += generation.size
    return index === 0 || total <= policy.maxBytes
  })
}
