/** The library column of the reading view, fed from the session. */
import { useApp, useSession } from '../app/AppContext'
import { LibraryPanel } from './LibraryPanel'

export function LibraryColumn(): React.JSX.Element {
  const { session, library } = useApp()
  const articles = useSession((state) => state.articles)
  const trash = useSession((state) => state.trash)
  const openArticleId = useSession((state) => state.article?.meta.id ?? null)
  const busy = useSession((state) => state.busy)
  return (
    <LibraryPanel
      articles={articles}
      trash={trash}
      openArticleId={openArticleId}
      busy={busy}
      onOpen={library.open}
      onImportFiles={(files) => void library.importFiles(files)}
      onPaste={() => session.store.set({ pasting: true })}
      onRestore={(id) => void library.restore(id)}
      onEmptyTrash={() => void library.emptyTrash()}
      onExportBibliography={(format) => void library.exportBibliography(format)}
    />
  )
}
