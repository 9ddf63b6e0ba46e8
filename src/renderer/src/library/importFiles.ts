/**
 * Sends files to the import service one at a time, so each succeeds or fails on its own
 * and a large batch never becomes one huge request. Files over the limit are refused
 * here, before their bytes are read, with the same wording the service would use.
 */
import type { ApiClient } from '../../../shared/api/contract'
import type { ImportOutcome } from '../../../shared/domain/article'
import { errorMessage } from '../../../shared/errorMessage'
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../../../shared/import/limits'
import { isolateBidi } from '../../../shared/text/bidi'

/** The file's bytes in base64, as the import methods take them. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.readAsDataURL(file)
  })
}

export async function importFiles(
  api: ApiClient,
  files: readonly File[],
  onProgress: (done: number, total: number) => void = () => {}
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for (const [index, file] of files.entries()) {
    outcomes.push(await importOne(api, file))
    onProgress(index + 1, files.length)
  }
  return outcomes
}

async function importOne(api: ApiClient, file: File): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, fileName: file.name, reason: `the file is larger than the ${MAX_IMPORT_LABEL} import limit` }
  }
  let dataBase64: string
  try {
    dataBase64 = await readAsBase64(file)
  } catch (error) {
    return { ok: false, fileName: file.name, reason: errorMessage(error) }
  }
  const result = await api.importFile({ name: file.name, dataBase64 })
  return result.ok ? result.value : { ok: false, fileName: file.name, reason: result.error.message }
}

/** One line for the whole batch, then one per failure, each naming its file. */
export function summariseImport(outcomes: readonly ImportOutcome[]): { summary: string; failures: string[] } {
  const imported = outcomes.filter((outcome) => outcome.ok).length
  const failures = outcomes.flatMap((outcome) =>
    outcome.ok ? [] : [`${isolateBidi(outcome.fileName)}: ${outcome.reason}`]
  )
  const summary =
    outcomes.length === 1
      ? imported === 1
        ? 'Imported 1 article.'
        : 'Nothing was imported.'
      : `Imported ${imported} of ${outcomes.length} files.`
  return { summary, failures }
}
