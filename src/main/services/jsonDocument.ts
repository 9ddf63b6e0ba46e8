/**
 * A lowdb document on the durable adapter, with the guarantees services rely on: the
 * stored schema is migrated and validated on load (fileSchemas.ts: the wrong shape is
 * damage, recovered from the last good generation); updates to one document run strictly one after
 * another; and what `data` shows is always exactly what last reached disk, because a
 * change is made on a copy and kept only once that copy has been saved.
 */
import { Low } from 'lowdb'
import { serialQueue } from '../../shared/async/serialQueue'
import { DurableJsonFile, type DurableJsonFileOptions, type RecoveryEvent } from '../storage/durableJsonFile'
import { judgeStoredFile, fileSchemaFor } from './fileSchemas'

export interface JsonDocumentOptions {
  onRecovery: (event: RecoveryEvent) => void
  backupIntervalMs?: number
  /**
   * Test seam, handed to the adapter unchanged: lets a test hold a write in flight or make
   * it fail (throw from `afterTempWrite`) after the temp file is written and before the
   * real file is replaced, the way a full disk would.
   */
  hooks?: DurableJsonFileOptions['hooks']
}

export class JsonDocument<T extends { schemaVersion: number }> {
  // One update at a time: each starts from the state the previous one left on disk, so a
  // failed save can be dropped without touching a later change, or bringing an earlier one back.
  readonly #updates = serialQueue()

  private constructor(
    /** `db.data` is the committed state: what last reached disk (or the migrated load). */
    private readonly db: Low<T>,
    /** False when nothing was on disk: the caller may want to seed it. */
    readonly existed: boolean,
    /**
     * What this load recovered from, if the file was damaged or missing: which generation
     * came back and from when (start-up uses it to relink files a restore lost track of).
     */
    readonly recovery: RecoveryEvent | null
  ) {}

  static async open<T extends { schemaVersion: number }>(
    file: string,
    defaults: T,
    options: JsonDocumentOptions
  ): Promise<JsonDocument<T>> {
    let recovery = null as RecoveryEvent | null
    const fileSchema = fileSchemaFor(file)
    const adapter = new DurableJsonFile<T>(file, {
      backupIntervalMs: options.backupIntervalMs,
      // Upgraded to the current schema and judged against the file's own schema, on load only.
      validate: (parsed) => judgeStoredFile(file, parsed, defaults, fileSchema),
      describe: fileSchema?.describe,
      onRecovery: (event) => {
        recovery = event
        options.onRecovery(event)
      },
      hooks: options.hooks
    })
    const db = new Low<T>(adapter, defaults)
    await db.read()
    const existed = recovery !== null || db.data !== defaults
    // The caller's defaults stay theirs: the document gets its own copy to change.
    if (db.data === defaults) db.data = structuredClone(defaults)
    return new JsonDocument(db, existed, recovery)
  }

  /** The committed state only: never a change that is still being saved or failed to save. */
  get data(): Readonly<T> {
    return this.db.data
  }

  /**
   * Queues a change behind the updates already in flight, applies it to a copy of the
   * committed state and saves that copy; resolves to `change`'s return value once it is on
   * disk. If `change` throws or the save fails, the committed state is left as it was and
   * the error goes to this caller only; later updates still run.
   */
  update<R>(change: (draft: T) => R): Promise<R> {
    return this.#updates.run(async () => {
      const draft = structuredClone(this.db.data)
      const result = change(draft)
      // Straight to the adapter rather than `db.write()`: that writes `db.data`, which would
      // have to hold the draft during the save (showing unsaved state to every reader) and be
      // put back on failure. This way `db.data` only ever changes to a state already on disk.
      await this.db.adapter.write(draft)
      this.db.data = draft
      return result
    })
  }
}
