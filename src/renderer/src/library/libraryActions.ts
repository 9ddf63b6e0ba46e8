/**
 * What the library column and the reading pane's header do to articles: import (files,
 * drops, pastes), correct the details, replace the text, move to the trash and back, and
 * empty the trash. Plain functions over the session.
 */
import type { ArticleMetaChanges, ImportOutcome } from '../../../shared/domain/article'
import { libraryView } from '../../../shared/library/libraryView'
import type { Session } from '../app/session'
import { formatCount } from '../lib/format'
import { importFiles, summariseImport } from './importFiles'
import type { PastedContent } from './PasteDialog'
import { replaceTextFromFile } from './replaceText'

export type LibraryActions = ReturnType<typeof createLibraryActions>

export function createLibraryActions(
  session: Session,
  confirm: (question: string) => boolean = (question) => window.confirm(question)
) {
  const { api, take, store, show, refreshLibrary, openArticle } = session

  const reportImport = async (outcomes: ImportOutcome[]): Promise<void> => {
    const { summary, failures } = summariseImport(outcomes)
    show({ level: failures.length > 0 ? 'error' : 'info', text: summary, details: failures })
    await refreshLibrary()
    const last = outcomes.findLast((outcome) => outcome.ok)
    if (last?.ok) await openArticle(last.article.id)
  }

  const restore = async (articleId: string): Promise<void> => {
    if (!take(await api.restoreArticle({ articleId }))) return
    await refreshLibrary()
    await openArticle(articleId)
  }

  return {
    async importFiles(files: File[]) {
      store.set({ busy: `Importing ${formatCount(files.length, 'file', 'files')}…` })
      try {
        await reportImport(
          await importFiles(api, files, (done, total) => store.set({ busy: `Importing ${done} of ${total}…` }))
        )
      } finally {
        store.set({ busy: null })
      }
    },

    async importPasted(content: PastedContent) {
      store.set({ pasting: false })
      const result = await api.importPaste(content)
      const outcome: ImportOutcome = result.ok
        ? result.value
        : { ok: false, fileName: 'Pasted text', reason: result.error.message }
      await reportImport([outcome])
    },

    /** Opens an article from the library, unless it is the one already open. */
    open(articleId: string) {
      if (articleId !== store.get().article?.meta.id) void openArticle(articleId)
    },

    restore,

    async trashOpenArticle() {
      const article = store.get().article
      if (!article) return
      const { id, title } = article.meta
      if (!take(await api.trashArticle({ articleId: id }))) return
      store.set({ article: null, notes: [] })
      const list = await refreshLibrary()
      show({
        level: 'info',
        text: `“${title}” moved to the trash.`,
        action: { label: 'Undo', run: () => void restore(id) }
      })
      const next = list && libraryView(list, '', 'imported')[0]
      if (next) await openArticle(next.id)
    },

    async emptyTrash() {
      const { trash } = store.get()
      const noteCount = trash.reduce((sum, item) => sum + item.noteCount, 0)
      const question = `Delete ${formatCount(trash.length, 'article', 'articles')} and ${formatCount(noteCount, 'note', 'notes')} for good? This cannot be undone.`
      if (!confirm(question)) return
      const result = take(await api.emptyTrash({}))
      if (!result) return
      show({ level: 'info', text: `Deleted ${formatCount(result.deleted, 'article', 'articles')} for good.` })
      await refreshLibrary()
    },

    async saveInfo(changes: ArticleMetaChanges): Promise<boolean> {
      const article = store.get().article
      if (!article) return false
      const meta = take(await api.updateArticleMeta({ articleId: article.meta.id, changes }))
      if (!meta) return false
      store.set(({ article: current }) => ({
        article: current && current.meta.id === meta.id ? { ...current, meta } : current
      }))
      void refreshLibrary()
      return true
    },

    replaceText(articleId: string, file: File): Promise<boolean> {
      return replaceTextFromFile(
        {
          api,
          show,
          finishEditing: session.beforeLeaving,
          onReplaced: (id, { meta, body, notes }) => {
            session.showArticle(id, { meta, body }, notes)
            void refreshLibrary()
          }
        },
        articleId,
        file
      )
    }
  }
}
