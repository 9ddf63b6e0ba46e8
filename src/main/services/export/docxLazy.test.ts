import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { lazyDocxExporter } from './docxLazy'
import { sampleBriefing } from './testing/sampleBriefing'

describe('lazyDocxExporter', () => {
  it('names a Word file before docx is loaded', () => {
    expect([lazyDocxExporter.format, lazyDocxExporter.extension, lazyDocxExporter.mimeType]).toEqual([
      'docx',
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    ])
  })

  it('writes the briefing through docx once loaded, headings and all', async () => {
    const bytes = await lazyDocxExporter.export(sampleBriefing())
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    expect(value).toContain('Points clés')
    expect(value).toContain('Sources')
  })
})
