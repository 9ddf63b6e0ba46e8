/**
 * Files dropped anywhere on the window are imported; a paste outside any field is an
 * article. Answers whether files are being dragged over the window, for the drop overlay.
 */
import { useEffect, useState } from 'react'
import { isTextField } from '../lib/isTextField'
import { useApp } from '../app/AppContext'
import { pastedContent } from './PasteDialog'

export function useDropAndPaste(): boolean {
  const { session, library } = useApp()
  const [dropping, setDropping] = useState(false)
  useEffect(() => {
    const hasFiles = (event: DragEvent): boolean => [...(event.dataTransfer?.types ?? [])].includes('Files')
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      event.preventDefault()
      setDropping(true)
    }
    const onDragLeave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setDropping(false)
    }
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      event.preventDefault()
      setDropping(false)
      const files = [...(event.dataTransfer?.files ?? [])]
      if (files.length > 0) void library.importFiles(files)
    }
    const onPaste = (event: ClipboardEvent): void => {
      // The Paste dialog takes its own paste.
      if (isTextField(event.target) || session.store.get().pasting) return
      const content = pastedContent(event.clipboardData)
      if (!content) return
      event.preventDefault()
      void library.importPasted(content)
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('drop', onDrop)
    document.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('drop', onDrop)
      document.removeEventListener('paste', onPaste)
    }
  }, [session, library])
  return dropping
}
