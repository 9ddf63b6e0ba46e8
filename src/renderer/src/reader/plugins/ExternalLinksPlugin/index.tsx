/**
 * Links in an article never navigate the app. A click on an http(s) link, and only a
 * click, opens it outside: in Electron the window-open handler hands it to the system
 * browser; in browser mode it opens a new tab with no opener and no referrer.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect } from 'react'
import { isWebLink } from '../../../../../shared/links/isWebLink'

export function ExternalLinksPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root) return
        const onClick = (event: MouseEvent): void => {
          const link = (event.target as Element | null)?.closest?.('a')
          if (!link) return
          event.preventDefault()
          // A drag that selects link text is a selection, not a request to leave the app.
          if (!window.getSelection()?.isCollapsed) return
          const href = link.getAttribute('href')
          if (isWebLink(href)) window.open(href, '_blank', 'noopener,noreferrer')
        }
        root.addEventListener('click', onClick)
        return () => root.removeEventListener('click', onClick)
      }),
    [editor]
  )
  return null
}
