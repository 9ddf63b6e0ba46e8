/**
 * The words a user reads after a damaged or missing file was recovered. « restored the last
 * good copy » said nothing of what came back or how far back it went; this says which copy
 * (the time it was saved, and how long before the damage was found), what it holds, and
 * where the damaged bytes were kept.
 */
import path from 'node:path'
import type { RecoveryEvent } from '../storage/durableJsonFile'

export function describeRecovery(event: RecoveryEvent): string {
  const name = path.basename(event.file)
  const contents = event.restoredContents ? `: ${event.restoredContents}` : ''
  const kept = event.quarantinedTo ? ` The damaged file was kept at ${event.quarantinedTo}.` : ''
  const outcome = event.restoredFrom
    ? `Dossier restored the last good copy, ${describeSavedAt(event.restoredSavedAt, event.detectedAt)}${contents}`
    : 'no earlier copy could be read, so Dossier starts it empty'
  return `${name} could not be read (${event.reason}); ${outcome}.${kept}`
}

/** « saved at 14:02:11, 2 minutes earlier », with the day when it was not the same day (local time). */
function describeSavedAt(savedAtIso: string | null, detectedAtIso: string): string {
  if (!savedAtIso) return 'saved at an unknown time'
  const savedAt = new Date(savedAtIso)
  const detectedAt = new Date(detectedAtIso)
  const sameDay = localDay(savedAt) === localDay(detectedAt)
  const when = sameDay ? `at ${localTime(savedAt)}` : `on ${localDay(savedAt)} at ${localTime(savedAt)}`
  return `saved ${when}, ${describeAge(detectedAt.getTime() - savedAt.getTime())}`
}

const SECOND_MS = 1000
const MINUTE_MS = 60 * SECOND_MS
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

/** Rounded down to the largest unit that fits, the way one says it: « 2 minutes earlier ». */
function describeAge(ms: number): string {
  if (ms < 0) return 'later than the damage was found (the clock changed)'
  if (ms < MINUTE_MS) return plural(Math.floor(ms / SECOND_MS), 'second') + ' earlier'
  if (ms < HOUR_MS) return plural(Math.floor(ms / MINUTE_MS), 'minute') + ' earlier'
  if (ms < 2 * DAY_MS) return plural(Math.floor(ms / HOUR_MS), 'hour') + ' earlier'
  return plural(Math.floor(ms / DAY_MS), 'day') + ' earlier'
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** 2026-12-02, in this computer's time zone. */
function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** 14:02:11, in this computer's time zone. */
function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}
