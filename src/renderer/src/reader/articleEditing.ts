/**
 * Editing the article text: each pause saves what the editor holds (saves run one after
 * another, each with the latest text), the services re-anchor the notes, and leaving
 * Edit mode (or the article, or the view) saves first. Plain code over the session, so
 * opening another article can wait for the save without a component in between.
 */
import { serialQueue } from '../../../shared/async/serialQueue'
import { usesFrenchSpacing, withFrenchSpacingInBlocks } from '../../../shared/text/frenchSpacing'
import { t } from '../lib/i18n'
import type { Session } from '../app/session'
import type { ReadArticleBlocks } from './plugins/EditArticlePlugin'
import type { DrawnNote } from './plugins/NoteMarksPlugin'

/** Saved within a second of the last keystroke, not on every one. */
export const SAVE_AFTER_PAUSE_MS = 600

export type ArticleEditing = ReturnType<typeof createArticleEditing>

export function createArticleEditing(session: Session) {
  const { api, store, show } = session
  let readEdits: ReadArticleBlocks | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const saves = serialQueue()

  const setStatus = (editStatus: 'saved' | 'unsaved' | 'saving' | 'failed'): void => store.set({ editStatus })

  /** Saves what the editor holds now. */
  const save = (): Promise<void> => {
    clearTimeout(timer)
    return saves.run(async () => {
      const read = readEdits
      const current = store.get().article
      if (!read || !current) return
      readEdits = null
      // An edit is set like an import: typed « ou : gets the same no-break space, so « never ends a
      // line alone. One character for one, so the notes' offsets and the diff that follows them hold.
      const typed = read()
      const blocks = usesFrenchSpacing(current.meta.language) ? withFrenchSpacingInBlocks(typed) : typed
      if (JSON.stringify(blocks) === JSON.stringify(current.body.blocks)) {
        setStatus('saved')
        return
      }
      if (blocks.length === 0) {
        setStatus('failed')
        show({ level: 'error', text: t('reader:edit.cannotBeEmpty') })
        return
      }
      setStatus('saving')
      const result = await api.updateArticleBody({ articleId: current.meta.id, blocks })
      if (!result.ok) {
        setStatus('failed')
        show({
          level: 'error',
          text: t('reader:edit.notSaved', { title: current.meta.title, reason: result.error.message })
        })
        readEdits = read
        return
      }
      const requested = session.requestedArticle()
      if (requested !== null && requested !== current.meta.id) return
      store.set({
        article: { meta: result.value.meta, body: result.value.body },
        notes: result.value.notes,
        editStatus: readEdits ? 'unsaved' : 'saved'
      })
    })
  }

  /** Saves pending edits and leaves Edit mode; nothing to do when not editing. */
  const finish = async (): Promise<void> => {
    if (!store.get().editing) return
    await save()
    store.set(({ readerGeneration }) => ({ editing: false, editBase: null, readerGeneration: readerGeneration + 1 }))
    void session.refreshLibrary()
  }
  session.setBeforeLeaving(finish)

  return {
    /** Enters Edit mode; `drawn` are the marks shown now, kept while the editor moves them itself. */
    start(drawn: readonly DrawnNote[]) {
      const article = store.get().article
      if (!article) return
      store.set({
        editBase: { body: article.body, drawn },
        reattachingId: null,
        editStatus: 'saved',
        editing: true
      })
    },
    finish,
    save,
    /** Called by the editor after each change the user makes. */
    edited(read: ReadArticleBlocks) {
      readEdits = read
      setStatus('unsaved')
      clearTimeout(timer)
      timer = setTimeout(() => void save(), SAVE_AFTER_PAUSE_MS)
    }
  }
}
