/**
 * Briefings, all in one small file of their own (`briefings.json`): there are few of them,
 * they are edited a field at a time, and keeping them out of the library and notes files
 * means a note save never rewrites a briefing, nor a briefing edit the library.
 */
import { ServiceError } from '../../../shared/api/dispatch'
import { hostMessage } from '../../../shared/domain/hostMessages'
import { completeBriefing, type Briefing } from '../../../shared/briefing/spec'
import { JsonDocument, type JsonDocumentOptions } from '../jsonDocument'
import { dataLayout, emptyBriefings, type BriefingsFile } from '../schema'

export class BriefingStore {
  private constructor(private readonly document: JsonDocument<BriefingsFile>) {}

  static async open(dataDir: string, options: JsonDocumentOptions): Promise<BriefingStore> {
    return new BriefingStore(await JsonDocument.open(dataLayout.briefings(dataDir), emptyBriefings(), options))
  }

  /** Most recently changed first, as the briefings list shows them. */
  list(): Briefing[] {
    return this.records().sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
  }

  get(briefingId: string): Briefing {
    const found = this.document.data.briefings.find((briefing) => briefing.id === briefingId)
    if (!found) throw new ServiceError('not-found', 'That briefing no longer exists.', hostMessage('briefing.gone'))
    return completeBriefing(structuredClone(found))
  }

  async add(briefing: Briefing): Promise<Briefing> {
    if (this.document.data.briefings.some((existing) => existing.id === briefing.id)) {
      throw new ServiceError('invalid-input', 'That briefing is already there.', hostMessage('briefing.alreadyThere'))
    }
    await this.document.update((file) => {
      file.briefings.push(structuredClone(briefing))
    })
    return structuredClone(briefing)
  }

  /**
   * Changes a stored briefing in place. The change runs on the record as it is now, not
   * on a copy read before some await, so two calls in flight never undo each other.
   */
  async change(briefingId: string, apply: (briefing: Briefing) => void): Promise<Briefing> {
    this.get(briefingId)
    return this.document.update((file) => {
      const index = file.briefings.findIndex((existing) => existing.id === briefingId)
      const briefing = completeBriefing(file.briefings[index]!)
      apply(briefing)
      file.briefings[index] = briefing
      return structuredClone(briefing)
    })
  }

  /** Removes a briefing and hands back the record as it was, so the deletion can be undone. */
  async remove(briefingId: string): Promise<Briefing> {
    const removed = this.get(briefingId)
    await this.document.update((file) => {
      file.briefings = file.briefings.filter((existing) => existing.id !== briefingId)
    })
    return removed
  }

  /** Copies, so a caller changing what it got back cannot change the store behind its back. */
  private records(): Briefing[] {
    return this.document.data.briefings.map((stored) => completeBriefing(structuredClone(stored)))
  }
}
