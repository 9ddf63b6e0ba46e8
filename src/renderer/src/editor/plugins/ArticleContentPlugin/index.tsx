/**
 * Puts an article's stored blocks into the editor whenever another article is opened.
 * The editor holds the text only; notes are drawn on top by NoteMarksPlugin.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical'
import { useLayoutEffect } from 'react'
import type { ArticleBody } from '../../../../../shared/domain/article'
import { $createAsideNode } from '../../nodes/AsideNode'

export const ARTICLE_LOAD_TAG = 'dossier-article-load'

export function ArticleContentPlugin({ body }: { body: ArticleBody }): null {
  const [editor] = useLexicalComposerContext()
  useLayoutEffect(() => {
    editor.update(
      () => {
        const root = $getRoot()
        root.clear()
        for (const block of body.blocks) {
          const element: ElementNode = block.type === 'aside' ? $createAsideNode() : $createParagraphNode()
          if (block.text) element.append($createTextNode(block.text))
          root.append(element)
        }
      },
      { discrete: true, tag: ARTICLE_LOAD_TAG }
    )
  }, [editor, body])
  return null
}
