// @vitest-environment jsdom
// The preview sits inside the Briefings view's own main landmark: a second one confuses
// screen-reader navigation (axe: landmark-no-duplicate-main).
import { describe, expect, it } from 'vitest'
import { demoteMainLandmark } from './exportedHtml'

describe('demoteMainLandmark', () => {
  it('turns the export’s main into an article with the same attributes and children', () => {
    const root = document.createElement('div')
    root.innerHTML = '<header>Synthèse</header><main class="doc" lang="fr"><h2>Sources</h2><p>« Texte »</p></main>'
    demoteMainLandmark(root)
    expect(root.innerHTML).toBe(
      '<header>Synthèse</header><article class="doc" lang="fr"><h2>Sources</h2><p>« Texte »</p></article>'
    )
  })

  it('leaves a document without main as it was', () => {
    const root = document.createElement('div')
    root.innerHTML = '<p>Rien</p>'
    demoteMainLandmark(root)
    expect(root.innerHTML).toBe('<p>Rien</p>')
  })
})
