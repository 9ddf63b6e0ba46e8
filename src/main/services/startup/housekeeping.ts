/**
 * What start-up tidies once the lock is held and the library is open, before anything is
 * served: temp files of crashed writers, article bodies without an entry (relinked or
 * removed, orphanArticles.ts), and after a restore, tags the notes still point at. Bounded
 * in time, so that a huge or slow data folder delays the window by seconds at most; what is
 * left is done at a later start. Returns what the user must be told.
 */
import path from 'node:path'
import { hostMessage, worded, type HostMessage, type WordedMessage } from '../../../shared/domain/hostMessages'
import type { JsonDocument } from '../jsonDocument'
import type { LibraryFile } from '../schema'
import { recreateDanglingTags } from './danglingTags'
import { settleOrphanBodies, type OrphanOutcome } from './orphanArticles'
import { removeStaleTempFiles } from './staleTempFiles'

/** Long enough for thousands of files on a slow disk; short enough that nobody waits on it. */
export const HOUSEKEEPING_BUDGET_MS = 5_000

export interface HousekeepingOptions {
  dataDir: string
  library: JsonDocument<LibraryFile>
  /** library.json was restored from a backup (or lost) in this start: what it forgot is relinked. */
  libraryRestored: boolean
  now: () => Date
  budgetMs?: number
  /** Test seam: milliseconds elapsed, read against the budget (default: a monotonic clock). */
  elapsed?: () => number
}

export interface HousekeepingResult {
  notices: WordedMessage[]
  /** Articles put back into the library or the trash. */
  relinked: number
  /** False when the time budget ran out first. */
  finished: boolean
}

export async function keepHouse(options: HousekeepingOptions): Promise<HousekeepingResult> {
  const { dataDir, library, libraryRestored } = options
  const budget = options.budgetMs ?? HOUSEKEEPING_BUDGET_MS
  const startedAt = performance.now()
  const elapsed = options.elapsed ?? (() => performance.now() - startedAt)
  let outOfTime = false
  const shouldStop = () => (outOfTime ||= elapsed() > budget)

  await removeStaleTempFiles(dataDir, { shouldStop })
  const orphans = await settleOrphanBodies({
    dataDir,
    library,
    relinkAll: libraryRestored,
    now: options.now,
    shouldStop
  })
  const notices = describeOrphans(dataDir, orphans)
  if (libraryRestored && !shouldStop()) {
    const recovered = await recreateDanglingTags(dataDir, library, shouldStop)
    if (recovered.tags.length > 0) {
      const names = recovered.tags.map((tag) => tag.path)
      const one = recovered.tags.length === 1
      notices.push(
        worded(
          `${count(recovered.tags.length, 'tag')} used by ${count(recovered.noteCount, 'note')} ` +
            `had been lost with the older library; ${one ? 'it is' : 'they are'} back as ${names.join(', ')}. ` +
            `Rename ${one ? 'it' : 'them'} under Tags….`,
          'housekeeping.tagsRecovered',
          {
            count: recovered.tags.length,
            notes: hostMessage('count.note', { count: recovered.noteCount }),
            names
          }
        )
      )
    }
  }
  return { notices, relinked: orphans.relinked.length + orphans.trashed.length, finished: !shouldStop() }
}

function describeOrphans(dataDir: string, orphans: OrphanOutcome): WordedMessage[] {
  const notices: WordedMessage[] = []
  if (orphans.relinked.length > 0) {
    notices.push(
      worded(
        `${count(orphans.relinked.length, 'article')} missing from the library came back from ` +
          `${orphans.relinked.length === 1 ? 'its' : 'their'} saved text: ${titles(orphans.relinked)}. ` +
          `${orphans.relinked.length === 1 ? 'Its' : 'Their'} title and details may need correcting under Article info.`,
        'housekeeping.relinked',
        { count: orphans.relinked.length, titles: shownTitles(orphans.relinked) }
      )
    )
  }
  if (orphans.trashed.length > 0) {
    notices.push(
      worded(
        `${count(orphans.trashed.length, 'article')} with notes had lost ${orphans.trashed.length === 1 ? 'its' : 'their'} ` +
          `library entry; ${orphans.trashed.length === 1 ? 'it is' : 'they are'} back, in the trash: ${titles(orphans.trashed)}.`,
        'housekeeping.trashed',
        { count: orphans.trashed.length, titles: shownTitles(orphans.trashed) }
      )
    )
  }
  if (orphans.unreadable.length > 0) {
    const files = orphans.unreadable.map((file) => path.relative(dataDir, file))
    notices.push(
      worded(
        `Article text not listed in the library could not be read and was left as it is: ${files.join(', ')}.`,
        'housekeeping.unreadableBodies',
        { files }
      )
    )
  }
  return notices
}

const SHOWN_TITLES = 5

function titles(articles: readonly { title: string }[]): string {
  const shown = articles.slice(0, SHOWN_TITLES).map((article) => `« ${article.title} »`)
  return articles.length > SHOWN_TITLES
    ? `${shown.join(', ')} and ${articles.length - SHOWN_TITLES} more`
    : shown.join(', ')
}

/** The first titles, and how many more, as the interface lists them (`list.titles`, `list.titlesAndMore`). */
function shownTitles(articles: readonly { title: string }[]): HostMessage {
  const shown = articles.slice(0, SHOWN_TITLES).map((article) => article.title)
  return articles.length > SHOWN_TITLES
    ? hostMessage('list.titlesAndMore', { titles: shown, more: articles.length - SHOWN_TITLES })
    : hostMessage('list.titles', { titles: shown })
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
