/**
 * The live preview: the briefing's HTML export itself, drawn in a shadow root so its
 * styles neither leak into the app nor take the app's, and what the analyst sees is what
 * the file will hold.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { adoptBody, demoteMainLandmark, parseExport, scopedCss } from './exportedHtml'

export function BriefingPreview({ html, busy }: { html: string | null; busy: boolean }): React.JSX.Element {
  const { t } = useTranslation('briefings')
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = host.current
    if (!element || html === null) return
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' })
    const parsed = parseExport(html)
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(
      `${scopedCss(parsed.css, { html: '.doc-html', body: '.doc-body' })}
.doc-html { display: block; min-height: 100%; }`
    )
    shadow.adoptedStyleSheets = [sheet]
    const root = document.createElement('div')
    root.className = 'doc-html'
    if (parsed.lang) root.lang = parsed.lang
    const body = document.createElement('div')
    body.className = 'doc-body'
    root.append(body)
    adoptBody(parsed.body, body)
    demoteMainLandmark(body)
    shadow.replaceChildren(root)
  }, [html])
  return (
    <section className="briefing-preview" aria-label={t('view.preview')} aria-busy={busy}>
      <div ref={host} className="briefing-preview__page" data-testid="briefing-preview" />
    </section>
  )
}
