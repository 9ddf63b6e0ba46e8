/**
 * The user's preferences, in `preferences.json` in the data folder. The host keeps them, not
 * the page: browser mode gets a new origin (a new port) at each launch, so whatever the page
 * stored itself would be forgotten, and both modes share the data folder anyway. Written
 * through the durable adapter like every other file (a temp file, flushed, then renamed).
 */
import path from 'node:path'
import {
  DEFAULT_PREFERENCES,
  preferences as preferencesSchema,
  type Preferences
} from '../../shared/api/schemas/preferences'
import { JsonDocument, type JsonDocumentOptions } from './jsonDocument'
import { SCHEMA_VERSION } from './schema'

export interface PreferencesFile extends Preferences {
  schemaVersion: number
}

export function preferencesFile(dataDir: string): string {
  return path.join(dataDir, 'preferences.json')
}

/**
 * What a stored file means, field by field: a value this version does not know (a language
 * added by a later Dossier, a hand edit) falls back to its default instead of failing the
 * whole file, since a preference is never worth a recovery notice.
 */
export function readPreferences(stored: { readonly interfaceLanguage?: unknown }): Preferences {
  const language = preferencesSchema.shape.interfaceLanguage.safeParse(stored.interfaceLanguage)
  return { interfaceLanguage: language.success ? language.data : DEFAULT_PREFERENCES.interfaceLanguage }
}

export class PreferenceStore {
  private constructor(private readonly document: JsonDocument<PreferencesFile>) {}

  static async open(dataDir: string, options: JsonDocumentOptions): Promise<PreferenceStore> {
    const defaults: PreferencesFile = { schemaVersion: SCHEMA_VERSION, ...DEFAULT_PREFERENCES }
    return new PreferenceStore(await JsonDocument.open(preferencesFile(dataDir), defaults, options))
  }

  get(): Preferences {
    return readPreferences(this.document.data)
  }

  /** Saves the fields `changes` names; answers every preference as it is now on disk. */
  async change(changes: Partial<Preferences>): Promise<Preferences> {
    return this.document.update((file) => {
      Object.assign(file, readPreferences(file), changes)
      return readPreferences(file)
    })
  }
}
