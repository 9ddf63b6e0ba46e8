/**
 * Shows the briefing's exported HTML inside the app, for the live preview and for
 * printing in browser mode. The app's Content-Security-Policy allows no frames, no inline
 * <style> and no style attributes, and it must stay that strict; so the export is parsed
 * inert, its stylesheet is adopted as a constructed stylesheet (CSSOM, which the policy
 * does not govern), its style attributes are re-applied through CSSOM, and anything
 * active (scripts, handlers, frames) is dropped on the way in as a second line of defence
 * behind the exporter's own escaping.
 */

const DROPPED = 'script, style, link, iframe, frame, object, embed, form, meta, base'

/** The export's CSS, with its `:root`, `html` and `body` rules pointed at the containers that stand for them. */
export function scopedCss(css: string, roots: { html: string; body: string }): string {
  // Only selector lists (the text before each `{`) are rewritten, never declarations.
  return css.replace(/(?<=^|[{}])([^{}]*)\{/g, (_, selectors: string) => {
    const scoped = selectors
      .replace(/:root\b/g, roots.html)
      .replace(/(^|[\s,>+~(])html(?![\w-])/g, `$1${roots.html}`)
      .replace(/(^|[\s,>+~(])body(?![\w-])/g, `$1${roots.body}`)
    return `${scoped}{`
  })
}

export interface ParsedExport {
  css: string
  lang: string | null
  body: Element
}

export function parseExport(html: string): ParsedExport {
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  const css = [...parsed.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n')
  for (const element of parsed.body.querySelectorAll(DROPPED)) element.remove()
  return { css, lang: parsed.documentElement.getAttribute('lang'), body: parsed.body }
}

/** Copies the export's body into `target` without letting the parser apply anything the policy forbids. */
export function adoptBody(source: Element, target: Element): void {
  const styled = new Map<Element, string>()
  const clean = (element: Element): void => {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on')) element.removeAttribute(attribute.name)
      else if ((name === 'href' || name === 'src') && !/^(https?:|mailto:|#)/i.test(attribute.value.trim()))
        element.removeAttribute(attribute.name)
    }
    const style = element.getAttribute('style')
    if (style !== null) {
      styled.set(element, style)
      element.removeAttribute('style')
    }
    for (const child of element.children) clean(child)
  }
  clean(source)
  const imported = document.importNode(source, true)
  // Walk both trees in step to re-apply each element's inline declarations through CSSOM.
  const sourceElements = [...source.querySelectorAll('*')]
  const importedElements = [...imported.querySelectorAll('*')]
  sourceElements.forEach((element, index) => {
    const declarations = styled.get(element)
    const copy = importedElements[index] as HTMLElement | undefined
    if (!declarations || !copy) return
    for (const declaration of declarations.split(';')) {
      const colon = declaration.indexOf(':')
      if (colon < 0) continue
      copy.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim())
    }
  })
  target.replaceChildren(...imported.childNodes)
}

/**
 * Prints the export with the app's own print engine: the export goes into a container
 * that is all the printer sees, its @page rules (paper, page numbers) adopted for the
 * document while the dialog is open.
 */
export function printExport(html: string): void {
  const parsed = parseExport(html)
  const container = document.createElement('div')
  container.className = 'print-root'
  const page = document.createElement('div')
  page.className = 'print-root__body'
  container.append(page)
  adoptBody(parsed.body, page)
  if (parsed.lang) container.lang = parsed.lang
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(
    `${scopedCss(parsed.css, { html: '.print-root', body: '.print-root__body' })}
@media print { #root { display: none !important; } }
@media screen { .print-root { display: none !important; } }`
  )
  const before = document.adoptedStyleSheets
  document.adoptedStyleSheets = [...before, sheet]
  document.body.append(container)
  const cleanUp = (): void => {
    window.removeEventListener('afterprint', cleanUp)
    container.remove()
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet)
  }
  window.addEventListener('afterprint', cleanUp)
  window.print()
}

/**
 * The exported document's `<main>` is right in a file of its own, but in the preview it would
 * be a second main landmark inside the view's: there it becomes an `<article>`, its children kept.
 */
export function demoteMainLandmark(root: Element): void {
  for (const main of [...root.querySelectorAll('main')]) {
    const article = root.ownerDocument.createElement('article')
    for (const attribute of [...main.attributes]) article.setAttribute(attribute.name, attribute.value)
    article.append(...main.childNodes)
    main.replaceWith(article)
  }
}
