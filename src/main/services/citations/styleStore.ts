/**
 * The citation styles the analyst added from `.csl` files, kept in the data folder
 * (`citation-styles.json`) on the durable adapter: written whole through a flushed temp
 * file, with backup generations and quarantine of a damaged copy like every other file
 * Dossier keeps. The style's XML is stored as it was read, so a briefing formats the same
 * citations after a restart; a file is checked (styleCheck.ts) before it is stored.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'
import { serialQueue } from '../../../shared/async/serialQueue'
import { DurableJsonFile, type RecoveryEvent } from '../../storage/durableJsonFile'
import { LARGEST_STYLE_BYTES } from './styleCheck'

export const ADDED_STYLE_PREFIX = 'custom-'

export interface AddedStyle {
  /** `custom-` and a random id: never one of the bundled styles' ids. */
  id: string
  title: string
  /** The file it was read from, to tell the analyst which one it was. */
  fileName: string
  addedAt: string
  xml: string
}

const stylesFile = z
  .object({
    schemaVersion: z.literal(1),
    styles: z
      .array(
        z
          .object({
            id: z.string().startsWith(ADDED_STYLE_PREFIX).max(100),
            title: z.string().max(200),
            fileName: z.string().max(500),
            addedAt: z.string().max(64),
            xml: z.string().max(LARGEST_STYLE_BYTES)
          })
          .strict()
      )
      .max(1000)
  })
  .strict()
type StylesFile = z.infer<typeof stylesFile>

export class StyleStore {
  readonly #file: DurableJsonFile<StylesFile>
  readonly #writes = serialQueue()
  #styles: AddedStyle[] = []

  private constructor(file: DurableJsonFile<StylesFile>) {
    this.#file = file
  }

  static async open(
    dataDir: string,
    options: { onRecovery: (event: RecoveryEvent) => void; hooks?: { afterTempWrite?: () => void | Promise<void> } }
  ): Promise<StyleStore> {
    const file = new DurableJsonFile<StylesFile>(path.join(dataDir, 'citation-styles.json'), {
      validate: (parsed) => {
        const result = stylesFile.safeParse(parsed)
        return result.success ? { ok: true, value: result.data } : { ok: false, reason: result.error.message }
      },
      describe: (value) => `${value.styles.length} citation style(s)`,
      onRecovery: options.onRecovery,
      hooks: options.hooks
    })
    const store = new StyleStore(file)
    store.#styles = (await file.read())?.styles ?? []
    return store
  }

  list(): AddedStyle[] {
    return this.#styles.map((style) => ({ ...style }))
  }

  get(styleId: string): AddedStyle | undefined {
    return this.#styles.find((style) => style.id === styleId)
  }

  /** Stores a checked style; what `list` shows changes only once it is on disk. */
  add(style: Omit<AddedStyle, 'id'>): Promise<AddedStyle> {
    return this.#writes.run(async () => {
      const added: AddedStyle = { id: `${ADDED_STYLE_PREFIX}${randomUUID()}`, ...style }
      const styles = [...this.#styles, added]
      await this.#file.write({ schemaVersion: 1, styles })
      this.#styles = styles
      return { ...added }
    })
  }
}
