/**
 * The words a user reads after a damaged or missing file was recovered. « restored the last
 * good copy » said nothing of what came back or how far back it went; this says which copy
 * (the time it was saved, and how long before the damage was found), what it holds, and
 * where the damaged bytes were kept. The notice carries the same as a code and parameters
 * (domain/hostMessages.ts), so the interface says it in its own language.
 */
import path from 'node:path'
import { hostMessage, worded, type HostMessage, type WordedMessage } from '../../shared/domain/hostMessages'
import type { RecoveryEvent } from '../storage/durableJsonFile'

/** What durableJsonFile says of a file that was not there at all. */
const MISSING_REASON = 'the file was missing'

export function describeRecovery(event: RecoveryEvent): WordedMessage {
  const file = path.basename(event.file)
  const contents = event.restoredContents ? `: ${event.restoredContents}` : ''
  const kept = event.quarantinedTo ? ` The damaged file was kept at ${event.quarantinedTo}.` : ''
  const saved = describeSavedAt(event.restoredSavedAt, event.detectedAt)
  const outcome = event.restoredFrom
    ? `Dossier restored the last good copy, ${saved.words}${contents}`
    : 'no earlier copy could be read, so Dossier starts it empty'
  const message = `${file} could not be read (${event.reason}); ${outcome}.${kept}`
  const reason = reasonOf(event.reason)
  const params = {
    file,
    reason,
    kept: event.quarantinedTo ? hostMessage('recovery.kept', { path: event.quarantinedTo }) : '',
    contents: event.restoredContents
      ? hostMessage('recovery.contents', { contents: contentsOf(event.restoredContents) })
      : ''
  }
  return event.restoredFrom
    ? worded(message, 'recovery.restored', { ...params, saved: saved.said })
    : worded(message, 'recovery.startsEmpty', params)
}

/**
 * Why the file was not read, said in the interface's language where the kind is known: the
 * parser's own words (« Unexpected end of JSON input ») are English and stay in `message`.
 */
function reasonOf(reason: string): HostMessage {
  if (reason === MISSING_REASON) return hostMessage('recovery.missing')
  if (/\bJSON\b/.test(reason)) return hostMessage('recovery.notJson')
  if (reason.startsWith('it holds ')) return hostMessage('recovery.notAnObject')
  return hostMessage('recovery.wrongShape', { detail: reason })
}

/**
 * The restored content as the file schemas count it (« 3 articles, 9 tags », fileSchemas.ts
 * and styleStore.ts): each count becomes a message of its own, so that the interface can put
 * its noun in the plural its language wants. Anything else is shown as it was written.
 */
function contentsOf(words: string): HostMessage {
  const counts = words.split(', ').map((part) => {
    const match = /^(\d+) (article|tag|note|briefing|paragraph|citation style)(?:s|\(s\))?$/.exec(part)
    return match ? hostMessage(`count.${match[2]!.replace(' ', '')}`, { count: Number(match[1]) }) : null
  })
  if (counts.some((count) => count === null)) return hostMessage('detail', { detail: words })
  const [first, second] = counts as HostMessage[]
  if (counts.length === 1 && first) return first
  if (counts.length === 2 && first && second) return hostMessage('list.pair', { first, second })
  return hostMessage('detail', { detail: words })
}

/** « saved at 14:02:11, 2 minutes earlier », with the day when it was not the same day (local time). */
function describeSavedAt(savedAtIso: string | null, detectedAtIso: string): { words: string; said: HostMessage } {
  if (!savedAtIso) return { words: 'saved at an unknown time', said: hostMessage('recovery.savedUnknown') }
  const savedAt = new Date(savedAtIso)
  const detectedAt = new Date(detectedAtIso)
  const sameDay = localDay(savedAt) === localDay(detectedAt)
  const when = sameDay ? `at ${localTime(savedAt)}` : `on ${localDay(savedAt)} at ${localTime(savedAt)}`
  const age = describeAge(detectedAt.getTime() - savedAt.getTime())
  return {
    words: `saved ${when}, ${age.words}`,
    said: sameDay
      ? hostMessage('recovery.savedSameDay', { savedTime: savedAtIso, age: age.said })
      : hostMessage('recovery.savedOtherDay', { savedDate: savedAtIso, savedTime: savedAtIso, age: age.said })
  }
}

const SECOND_MS = 1000
const MINUTE_MS = 60 * SECOND_MS
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

/** Rounded down to the largest unit that fits, the way one says it: « 2 minutes earlier ». */
function describeAge(ms: number): { words: string; said: HostMessage } {
  if (ms < 0) {
    return { words: 'later than the damage was found (the clock changed)', said: hostMessage('age.clockChanged') }
  }
  const [count, unit] =
    ms < MINUTE_MS
      ? [Math.floor(ms / SECOND_MS), 'second']
      : ms < HOUR_MS
        ? [Math.floor(ms / MINUTE_MS), 'minute']
        : ms < 2 * DAY_MS
          ? [Math.floor(ms / HOUR_MS), 'hour']
          : [Math.floor(ms / DAY_MS), 'day']
  return { words: `${plural(count, unit)} earlier`, said: hostMessage(`age.${unit}s`, { count }) }
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
