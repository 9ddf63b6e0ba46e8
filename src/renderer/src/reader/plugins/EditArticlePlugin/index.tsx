/**
 * The reading pane's Edit mode. The article is read-only by default; while editing, the
 * editor takes typing, its own undo history, and plain-text pastes only (pasted HTML is
 * hostile and never enters the article). Every change is reported so the caller can save
 * and re-anchor the notes; the blocks are read lazily, only when the caller saves.
 */
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND } from 'lexical'
import { useEffect } from 'react'
import type { ArticleBlock } from '../../../../../shared/domain/article'
import { ARTICLE_LOAD_TAG, LOADING_ATTRIBUTE } from '../ArticleContentPlugin'
import { $articleBlocks } from './articleBlocks'

export type ReadArticleBlocks = () => ArticleBlock[]

export function EditArticlePlugin({
  editing,
  onEdited
}: {
  editing: boolean
  /** Called after each change the user makes, with a function that reads the article as it now stands. */
  onEdited: (read: ReadArticleBlocks) => void
}): React.JSX.Element | null {
  const [editor] = useLexicalComposerContext()

  useEffect(() => {
    if (!editing) {
      editor.setEditable(false)
      return
    }
    // A long article still arriving would be saved cut short: editing waits until every block is in.
    let frame = 0
    const enable = (): void => {
      if (editor.getRootElement()?.hasAttribute(LOADING_ATTRIBUTE)) frame = requestAnimationFrame(enable)
      else editor.setEditable(true)
    }
    enable()
    return () => {
      cancelAnimationFrame(frame)
      editor.setEditable(false)
    }
  }, [editor, editing])

  useEffect(() => {
    if (!editing) return
    const read: ReadArticleBlocks = () => editor.getEditorState().read(() => $articleBlocks())
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (!editor.isEditable() || tags.has(ARTICLE_LOAD_TAG)) return
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      onEdited(read)
    })
  }, [editor, editing, onEdited])

  useEffect(() => {
    if (!editing) return
    return editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const text = event instanceof ClipboardEvent ? event.clipboardData?.getData('text/plain') : null
        event.preventDefault()
        if (!text) return true
        editor.update(() => {
          const selection = $getSelection()
          if ($isRangeSelection(selection)) selection.insertRawText(text)
        })
        return true
      },
      COMMAND_PRIORITY_CRITICAL
    )
  }, [editor, editing])

  return editing ? <HistoryPlugin /> : null
}
