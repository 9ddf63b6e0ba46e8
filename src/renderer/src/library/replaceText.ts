/**
 * "Replace text from file…" in Article info: a newer version of the open article (corrected
 * by the outlet, a fuller copy) replaces its text. The services import the file as any
 * other, keep the title and details, and look for every note in the new text; the analyst
 * is told how many notes need review. A file that cannot be used changes nothing.
 */
import type { ApiClient, EditedArticle } from '../../../shared/api/contract'
import type { Note } from '../../../shared/domain/note'
import { errorMessage } from '../../../shared/errorMessage'
import { MAX_IMPORT_BYTES } from '../../../shared/import/limits'
import { isolateBidi } from '../../../shared/text/bidi'
import { needsReview } from '../../../shared/notes/anchorState'
import type { Message } from '../app/MessageBar'
import { t } from '../lib/i18n'
import { readBytes, tooLargeReason } from './importFiles'

export interface ReplaceTextContext {
  api: ApiClient
  show: (message: Omit<Message, 'id'>) => string
  /** Saves an edit in progress and leaves Edit mode, so the pane can show the new text. */
  finishEditing: () => Promise<void>
  /** Shows the replaced article, unless the analyst has opened another one meanwhile. */
  onReplaced: (articleId: string, edited: EditedArticle) => void
}

/** Replaces the article's text with the file's; true once it is done, false (after saying why) otherwise. */
export async function replaceTextFromFile(
  { api, show, finishEditing, onReplaced }: ReplaceTextContext,
  articleId: string,
  file: File
): Promise<boolean> {
  const refuse = (reason: string): false => {
    show({ level: 'error', text: t('library:replace.failed', { fileName: isolateBidi(file.name), reason }) })
    return false
  }
  if (file.size > MAX_IMPORT_BYTES) return refuse(tooLargeReason())
  let bytes: Uint8Array
  try {
    bytes = await readBytes(file)
  } catch (error) {
    return refuse(errorMessage(error))
  }
  await finishEditing()
  const result = await api.replaceArticleText({ articleId, name: file.name, bytes })
  if (!result.ok) {
    // The services' message already names the file and the reason.
    show({ level: 'error', text: result.error.message })
    return false
  }
  onReplaced(articleId, result.value)
  const toReview = result.value.notes.filter(needsReview).length
  show({ level: toReview > 0 ? 'warning' : 'info', text: summariseReplacement(file.name, result.value.notes) })
  return true
}

/** "Text replaced from “x.txt”." and what became of the notes. */
export function summariseReplacement(fileName: string, notes: readonly Pick<Note, 'anchorStatus'>[]): string {
  // The name is isolated: one holding U+202E or Arabic letters must not reorder the sentence.
  const replaced = t('library:replace.replaced', { fileName: isolateBidi(fileName) })
  const toReview = notes.filter(needsReview).length
  if (notes.length === 0) return replaced
  if (toReview > 0) return `${replaced} ${t('library:replace.needReview', { count: toReview })}`
  if (notes.length === 1) return `${replaced} ${t('library:replace.noteFound')}`
  return `${replaced} ${t('library:replace.allFound', { count: notes.length })}`
}
