// The preview and browser-mode printing re-home the export's stylesheet onto containers;
// a rule left pointing at `html` or `:root` would style the app itself instead.
import { describe, expect, it } from 'vitest'
import { scopedCss } from './exportedHtml'

const roots = { html: '.doc-html', body: '.doc-body' }

describe('scopedCss', () => {
  it('points :root, html and body rules at the containers, including inside @media', () => {
    const css =
      ':root { --ink: #111 } html { font-size: 17px } body{margin:0}\n@media print { html, body.x { color: red } }'
    expect(scopedCss(css, roots)).toBe(
      '.doc-html { --ink: #111 } .doc-html { font-size: 17px } .doc-body{margin:0}\n@media print { .doc-html, .doc-body.x { color: red } }'
    )
  })

  it('leaves class names and properties that merely contain the words alone', () => {
    const css = '.body-text { color: red } .item .html-note { x: 1 } blockquote { font-family: body }'
    expect(scopedCss(css, roots)).toBe(css)
  })
})
