// @vitest-environment jsdom
// The settings dialog as a person uses it: it shows the saved choice, a language applies the
// moment it is picked and is handed to the host to keep, and a refusal (read-only mode) says
// that the choice holds for this session only.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Preferences } from '../../../shared/api/schemas/preferences'
import { AppContext, type AppServices } from '../app/AppContext'
import { createSession } from '../app/session'
import { changeLanguage, i18n } from '../lib/i18n'
import { apiWith } from '../lib/testing/fakeApi'
import { SettingsDialog } from './SettingsDialog'

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true
  }
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false
    this.dispatchEvent(new Event('close'))
  }
})

afterEach(async () => {
  cleanup()
  await changeLanguage('en')
})

function renderSettings(saved: Preferences, save: (changes: Partial<Preferences>) => string | null) {
  const sent: Partial<Preferences>[] = []
  const api = apiWith({
    getPreferences: async () => ({ ok: true, value: saved }),
    setPreferences: async (changes) => {
      sent.push(changes)
      const refusal = save(changes)
      return refusal
        ? { ok: false, error: { code: 'storage-failed', message: refusal } }
        : { ok: true, value: { ...saved, ...changes } }
    }
  })
  const session = createSession(api, 'browser')
  render(
    <AppContext.Provider value={{ session } as AppServices}>
      <SettingsDialog onClose={() => undefined} />
    </AppContext.Provider>
  )
  const messages = () => session.messages.store.get().messages.map((message) => message.text)
  return { sent, messages }
}

describe('SettingsDialog', () => {
  it('shows the saved choice, applies French at once and hands it to the host', async () => {
    const { sent, messages } = renderSettings({ interfaceLanguage: 'system' }, () => null)
    const system = await screen.findByRole('radio', { name: 'Same as this computer (English)' })
    await waitFor(() => expect(system).toHaveProperty('checked', true))
    fireEvent.click(screen.getByRole('radio', { name: 'Français' }))
    expect(await screen.findByRole('heading', { name: 'Réglages' })).toBeDefined()
    expect(i18n.language).toBe('fr')
    expect(screen.getByRole('radio', { name: 'Comme cet ordinateur (English)' })).toHaveProperty('checked', false)
    await waitFor(() => expect(sent).toEqual([{ interfaceLanguage: 'fr' }]))
    expect(messages()).toEqual([])
  })

  it('says the language holds for this session only when the host refuses to keep it', async () => {
    const { messages } = renderSettings({ interfaceLanguage: 'en' }, () => 'Dossier is read-only: the disk is full.')
    await waitFor(() => expect(screen.getByRole('radio', { name: 'English' })).toHaveProperty('checked', true))
    fireEvent.click(screen.getByRole('radio', { name: 'Français' }))
    await waitFor(() =>
      expect(messages()).toEqual([
        'La langue ne vaut que pour cette session\u202f: Dossier is read-only: the disk is full.'
      ])
    )
    expect(i18n.language).toBe('fr')
  })
})
