/**
 * Sends files to the import service one at a time, so each succeeds or fails on its own
 * and a large batch never becomes one huge request. Files over the limit are refused
 * here, before their bytes are read, with the same wording the service would use. A file
 * whose text is already in the library is not stored until the analyst says so: open the
 * article that has it, or import a copy.
 */
import type { ApiClient, DuplicateImport } from '../../../shared/api/contract'
import type { ArticleSummary, ImportOutcome } from '../../../shared/domain/article'
import { errorMessage } from '../../../shared/errorMessage'
import { MAX_IMPORT_BYTES } from '../../../shared/import/limits'
import { isolateBidi } from '../../../shared/text/bidi'
import { t } from '../lib/i18n'
import { askAboutDuplicate, type DuplicateChoice } from './DuplicateImportDialog'

/** One file's outcome; `existing` when the analyst chose to open the article that already had its text. */
export type FileImportOutcome = ImportOutcome | { ok: true; article: ArticleSummary; existing: true }

/** How the analyst is asked about a duplicate; tests answer without a dialog. */
export type AskAboutDuplicate = (fileName: string, existingTitle: string) => Promise<DuplicateChoice>

/** The file's bytes, as the import methods take them. */
export async function readBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer())
}

/** The refusal for a file over the limit, before its bytes are read. */
export function tooLargeReason(): string {
  return t('library:import.tooLarge', { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 })
}

export async function importFiles(
  api: ApiClient,
  files: readonly File[],
  onProgress: (done: number, total: number) => void = () => {},
  ask: AskAboutDuplicate = askAboutDuplicate
): Promise<FileImportOutcome[]> {
  const outcomes: FileImportOutcome[] = []
  for (const [index, file] of files.entries()) {
    outcomes.push(await importOne(api, file, ask))
    onProgress(index + 1, files.length)
  }
  return outcomes
}

async function importOne(api: ApiClient, file: File, ask: AskAboutDuplicate): Promise<FileImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, fileName: file.name, reason: tooLargeReason() }
  const send = async (allowDuplicate: boolean): Promise<ImportOutcome | DuplicateImport> => {
    let bytes: Uint8Array
    try {
      // Read for each call: the bytes are handed over, not copied, and cannot be sent twice.
      bytes = await readBytes(file)
    } catch (error) {
      return { ok: false, fileName: file.name, reason: errorMessage(error) }
    }
    const result = await api.importFile({ name: file.name, bytes, ...(allowDuplicate ? { allowDuplicate } : {}) })
    return result.ok ? result.value : { ok: false, fileName: file.name, reason: result.error.message }
  }
  const first = await send(false)
  if (first.ok || !('duplicateOf' in first)) return first
  const { articleId, title } = first.duplicateOf
  const choice = await ask(file.name, title)
  if (choice === 'copy') return withoutDuplicate(await send(true))
  if (choice === 'open') {
    const listed = await api.listArticles({})
    const article = listed.ok ? listed.value.find((summary) => summary.id === articleId) : undefined
    if (article) return { ok: true, article, existing: true }
  }
  return { ok: false, fileName: file.name, reason: t('library:import.duplicateNotImported', { title }) }
}

/** A copy is never refused as a duplicate; should the service say so all the same, it reads as a failure. */
function withoutDuplicate(outcome: ImportOutcome | DuplicateImport): ImportOutcome {
  return outcome.ok ? outcome : { ok: false, fileName: outcome.fileName, reason: outcome.reason }
}

/** One line for the whole batch, then one per failure, each naming its file. */
export function summariseImport(outcomes: readonly FileImportOutcome[]): { summary: string; failures: string[] } {
  const opened = outcomes.filter((outcome) => outcome.ok && 'existing' in outcome).length
  const imported = outcomes.filter((outcome) => outcome.ok).length - opened
  const failures = outcomes.flatMap((outcome) =>
    outcome.ok ? [] : [t('library:import.failure', { fileName: isolateBidi(outcome.fileName), reason: outcome.reason })]
  )
  const parts =
    outcomes.length === 1
      ? [imported === 1 ? t('library:import.importedOne') : opened === 1 ? '' : t('library:import.nothingImported')]
      : [t('library:import.importedOfFiles', { imported, count: outcomes.length })]
  if (opened > 0) parts.push(t('library:import.openedExisting', { count: opened }))
  return { summary: parts.filter(Boolean).join(' '), failures }
}
