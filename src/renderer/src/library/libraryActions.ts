/**
 * What the library column and the reading pane's header do to articles: import (files,
 * drops, pastes), correct the details, replace the text, fill them from a reference file,
 * export the bibliography, move to the trash and back, and empty the trash. Plain functions
 * over the session.
 */
import type { BibliographyFormat, ReferenceEntry } from '../../../shared/bibliography/formats'
import type { ArticleMetaChanges, ImportOutcome } from '../../../shared/domain/article'
import { libraryView } from '../../../shared/library/libraryView'
import type { Session } from '../app/session'
import { t } from '../lib/i18n'
import { saveTextFile } from './saveTextFile'
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
      store.set({ busy: t('library:progress.importingFiles', { count: files.length }) })
      try {
        await reportImport(
          await importFiles(api, files, (done, total) =>
            store.set({ busy: t('library:progress.importingOf', { done, total }) })
          )
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
        : { ok: false, fileName: t('library:paste.pastedText'), reason: result.error.message }
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
        text: t('library:trash.movedToTrash', { title }),
        action: { label: t('library:trash.undo'), run: () => void restore(id) }
      })
      const next = list && libraryView(list, '', 'imported')[0]
      if (next) await openArticle(next.id)
    },

    async emptyTrash() {
      const { trash } = store.get()
      const noteCount = trash.reduce((sum, item) => sum + item.noteCount, 0)
      const question = t('library:trash.confirmDelete', {
        articles: t('library:panel.articles', { count: trash.length }),
        notes: t('library:panel.notes', { count: noteCount })
      })
      if (!confirm(question)) return
      const result = take(await api.emptyTrash({}))
      if (!result) return
      show({ level: 'info', text: t('library:trash.deleted', { count: result.deleted }) })
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

    /** Every reference in the file, as changes to the open article's details; null once an error is shown. */
    async readReferenceFile(file: File): Promise<ReferenceEntry[] | null> {
      const result = take(await api.readReferenceFile({ name: file.name, text: await file.text() }))
      return result ? result.entries : null
    },

    /** The whole library, or the articles named, as a bibliography file the browser saves. */
    async exportBibliography(format: BibliographyFormat, articleIds?: string[]): Promise<void> {
      store.set({ busy: t('library:bibliography.exporting') })
      try {
        const file = take(await api.exportBibliography({ format, ...(articleIds ? { articleIds } : {}) }))
        if (!file) return
        if (file.count === 0) {
          show({ level: 'info', text: t('library:bibliography.nothing') })
          return
        }
        saveTextFile(file)
        show({
          level: 'info',
          text: t('library:bibliography.exported', { count: file.count, fileName: file.fileName })
        })
      } finally {
        store.set({ busy: null })
      }
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
