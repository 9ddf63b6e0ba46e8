// File names for exported briefings must save on Windows, macOS and Linux alike, keeping what the analyst wrote.
import { describe, expect, it } from 'vitest'
import { briefingFileName, MAX_FILE_NAME_LENGTH } from './fileName'

const utf8 = (text: string) => new TextEncoder().encode(text).length

describe('briefingFileName', () => {
  it('is « title - date.ext », accents and typography kept', () => {
    expect(briefingFileName('Sécurité d’Israël', '2024-03-04', 'md')).toBe('Sécurité d’Israël - 2024-03-04.md')
  })

  it('replaces what Windows refuses: / \\ : * ? " < > |', () => {
    expect(briefingFileName('Maroc/Israël : la coopération ?', '2024-03-04', 'docx')).toBe(
      'Maroc-Israël - la coopération - 2024-03-04.docx'
    )
    expect(briefingFileName('a\\b*c"d"<e>|f', '2024-03-04', 'html')).toBe("a-b-c'd'-e--f - 2024-03-04.html")
  })

  it('replaces control characters and bidirectional overrides, and turns odd spaces into plain ones', () => {
    expect(briefingFileName('Ligne 1\nLigne\t2\u0000', '2024-03-04', 'md')).toBe('Ligne 1 Ligne 2 - 2024-03-04.md')
    expect(briefingFileName('fichier\u202Egpj.exe', '2024-03-04', 'md')).toBe('fichier gpj.exe - 2024-03-04.md')
    expect(briefingFileName('Note\u00a0: Rabat', '2024-03-04', 'md')).toBe('Note - Rabat - 2024-03-04.md')
  })

  it('trims leading dots and trailing dots and spaces', () => {
    expect(briefingFileName('...caché', '2024-03-04', 'md')).toBe('caché - 2024-03-04.md')
    expect(briefingFileName('Points de suspension...  ', '2024-03-04', 'md')).toBe(
      'Points de suspension - 2024-03-04.md'
    )
  })

  it('keeps emoji whole', () => {
    expect(briefingFileName('Revue 🇲🇦 du jour 👨‍👩‍👧', '2024-03-04', 'pdf')).toBe('Revue 🇲🇦 du jour 👨‍👩‍👧 - 2024-03-04.pdf')
  })

  it('names an empty or unusable title « briefing »', () => {
    expect(briefingFileName('', '2024-03-04', 'md')).toBe('briefing - 2024-03-04.md')
    expect(briefingFileName('  ..?? ', '2024-03-04', 'md')).toBe('briefing - 2024-03-04.md')
  })

  it('avoids the names Windows reserves for devices', () => {
    expect(briefingFileName('CON', '', 'md')).toBe('_CON.md')
    expect(briefingFileName('nul.notes', '2024-03-04', 'md')).toBe('_nul.notes - 2024-03-04.md')
    expect(briefingFileName('Lpt1', '', 'html')).toBe('_Lpt1.html')
    // With the date after it, « CON » is only the start of a longer name, which Windows accepts.
    expect(briefingFileName('CON', '2024-03-04', 'md')).toBe('CON - 2024-03-04.md')
    expect(briefingFileName('Console', '', 'md')).toBe('Console.md')
  })

  it('caps a very long title and keeps the date and extension', () => {
    const name = briefingFileName(`${'Coopération militaire '.repeat(20)}fin`, '2024-03-04', 'docx')
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH)
    expect(name).toMatch(/^Coopération militaire .* - 2024-03-04\.docx$/)
    expect(name).not.toMatch(/ {2}| - 2024-03-04\.docx.*-/)
  })

  it('never cuts an emoji in half, and stays under the byte limits of Linux file systems', () => {
    const name = briefingFileName('😀'.repeat(200), '2024-03-04', 'md')
    expect(name).toMatch(/^(😀)+ - 2024-03-04\.md$/)
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
    expect(utf8(name)).toBeLessThanOrEqual(255)
    const families = briefingFileName('👨‍👩‍👧'.repeat(40), '2024-03-04', 'md')
    expect(families).toMatch(/^(👨‍👩‍👧)+ - 2024-03-04\.md$/)
    expect(families.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH)
  })

  it('drops half an emoji that was already broken', () => {
    expect(briefingFileName('Note \ud83d', '2024-03-04', 'md')).toBe('Note - 2024-03-04.md')
  })

  it('leaves out a date that is not YYYY-MM-DD and cleans the extension', () => {
    expect(briefingFileName('Dossier', 'hier', '.MD')).toBe('Dossier.MD')
    expect(briefingFileName('Dossier', '2024-03-04', '')).toBe('Dossier - 2024-03-04')
  })
})
