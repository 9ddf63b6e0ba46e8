/**
 * A lowdb document on the durable adapter, with the two guarantees services rely on:
 * the stored schema is migrated on load, and a change whose save fails is rolled back in
 * memory, so what the user sees never differs from what is on disk.
 */
import { Low } from 'lowdb'
import { DurableJsonFile, type RecoveryEvent } from '../storage/durableJsonFile'
import { migrate } from './schema'

export interface JsonDocumentOptions {
  onRecovery: (event: RecoveryEvent) => void
  backupIntervalMs?: number
}

export class JsonDocument<T extends { schemaVersion: number }> {
  private constructor(
    private readonly db: Low<T>,
    /** False when nothing was on disk: the caller may want to seed it. */
    readonly existed: boolean
  ) {}

  static async open<T extends { schemaVersion: number }>(
    file: string,
    defaults: T,
    options: JsonDocumentOptions
  ): Promise<JsonDocument<T>> {
    let recovered = false
    const adapter = new DurableJsonFile<T>(file, {
      backupIntervalMs: options.backupIntervalMs,
      onRecovery: (event) => {
        recovered = true
        options.onRecovery(event)
      }
    })
    const db = new Low<T>(adapter, defaults)
    await db.read()
    const existed = recovered || db.data !== defaults
    db.data = migrate(file, db.data, structuredClone(defaults))
    return new JsonDocument(db, existed)
  }

  get data(): Readonly<T> {
    return this.db.data
  }

  /** Applies a change and saves it; if the save fails the change is undone and the error rethrown. */
  async update<R>(change: (draft: T) => R): Promise<R> {
    const before = structuredClone(this.db.data)
    const result = change(this.db.data)
    try {
      await this.db.write()
    } catch (error) {
      this.db.data = before
      throw error
    }
    return result
  }
}
