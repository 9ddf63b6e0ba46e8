/**
 * The settings, reached from the top bar or Ctrl/Cmd+, : for now the interface language
 * (the computer's, English or French). A choice applies at once and is kept by the host
 * (preferences.json), so it holds whatever port browser mode starts on next time.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { INTERFACE_LANGUAGE_CHOICES, type InterfaceLanguageChoice } from '../../../shared/domain/preferences'
import { useApp } from '../app/AppContext'
import { applyLanguageChoice, i18n, languageOfChoice } from '../lib/i18n'

/**
 * Each language is offered in its own words, whatever the interface's language, so that
 * whoever cannot read the current one still finds theirs.
 */
const ENDONYMS: Record<Exclude<InterfaceLanguageChoice, 'system'>, string> = {
  en: 'English',
  fr: 'Français'
}

export function SettingsDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation(['settings', 'common'])
  const { session } = useApp()
  const { api, show } = session
  const dialog = useRef<HTMLDialogElement>(null)
  const hintId = useId()
  const [choice, setChoice] = useState<InterfaceLanguageChoice | null>(null)
  useEffect(() => dialog.current?.showModal(), [])
  useEffect(() => {
    let current = true
    void api.getPreferences({}).then((result) => {
      if (current && result.ok) setChoice(result.value.interfaceLanguage)
    })
    return () => {
      current = false
    }
  }, [api])

  const choose = async (next: InterfaceLanguageChoice): Promise<void> => {
    setChoice(next)
    await applyLanguageChoice(next)
    const saved = await api.setPreferences({ interfaceLanguage: next })
    // Applied anyway: read-only mode (or a failed write) only costs remembering it.
    // i18n.t, not the render's t: that one still speaks the language this render was made in.
    if (!saved.ok) show({ level: 'error', text: i18n.t('settings:saveFailed', { reason: saved.error.message }) })
  }

  const labelOf = (option: InterfaceLanguageChoice): string =>
    option === 'system' ? t('system', { language: ENDONYMS[languageOfChoice('system')] }) : ENDONYMS[option]

  return (
    <dialog ref={dialog} className="dialog settings" aria-labelledby="settings-title" onClose={onClose}>
      <h2 id="settings-title" className="dialog__title">
        {t('title')}
      </h2>
      <fieldset className="settings__group" aria-describedby={hintId}>
        <legend className="settings__legend">{t('language')}</legend>
        <p id={hintId} className="dialog__hint">
          {t('languageHint')}
        </p>
        {INTERFACE_LANGUAGE_CHOICES.map((option) => (
          <label key={option} className="settings__choice">
            <input
              type="radio"
              name="interface-language"
              value={option}
              checked={choice === option}
              lang={option === 'system' ? undefined : option}
              onChange={() => void choose(option)}
            />
            <span lang={option === 'system' ? undefined : option}>{labelOf(option)}</span>
          </label>
        ))}
      </fieldset>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('common:close')}
        </button>
      </div>
    </dialog>
  )
}
