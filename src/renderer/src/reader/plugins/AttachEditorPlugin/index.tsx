/**
 * Hands the pane's Lexical editor to whoever sends it commands (the session, for the
 * keymap and the other features), and takes it back when the pane goes.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { LexicalEditor } from 'lexical'
import { useEffect } from 'react'

export function AttachEditorPlugin({ attach }: { attach: (editor: LexicalEditor) => () => void }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => attach(editor), [editor, attach])
  return null
}
