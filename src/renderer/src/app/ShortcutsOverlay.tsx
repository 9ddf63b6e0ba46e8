/**
 * The `?` overlay: every shortcut of the keymap, grouped, written out from the same table
 * the keys are dispatched from, so the list always says what the keys do.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { chordLabel, type KeyChord, type KeyNames } from '../lib/shortcuts'
import type { AppShortcut, KeymapLabel } from './keymap'

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function ShortcutsOverlay({
  shortcuts,
  onClose
}: {
  shortcuts: readonly AppShortcut[]
  onClose: () => void
}): React.JSX.Element {
  const { t } = useTranslation('common')
  const dialog = useRef<HTMLDialogElement>(null)
  const keyNames: KeyNames = {
    ctrl: t('shortcuts.ctrl'),
    shift: t('shortcuts.shift'),
    keys: {
      Enter: t('shortcuts.Enter'),
      Escape: t('shortcuts.Escape'),
      Delete: t('shortcuts.Delete'),
      Backspace: t('shortcuts.Backspace')
    }
  }
  useEffect(() => dialog.current?.showModal(), [])
  const groups = [...new Set(shortcuts.map((shortcut) => shortcut.group))]
  // Shortcuts that do the same in different places (Ctrl+K anywhere, / outside fields) share a row.
  const rowsOf = (group: KeymapLabel) => {
    const rows = new Map<string, { id: string; label: KeymapLabel; chords: KeyChord[] }>()
    for (const shortcut of shortcuts.filter((candidate) => candidate.group === group)) {
      const row = rows.get(shortcut.label)
      if (row) row.chords.push(...shortcut.chords)
      else rows.set(shortcut.label, { id: shortcut.id, label: shortcut.label, chords: [...shortcut.chords] })
    }
    return [...rows.values()]
  }
  return (
    <dialog ref={dialog} className="dialog shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title" className="dialog__title">
        {t('shortcuts.title')}
      </h2>
      {groups.map((group) => (
        <section key={group} className="shortcuts__group" aria-label={t(group)}>
          <h3 className="shortcuts__heading">{t(group)}</h3>
          <dl className="shortcuts__list">
            {rowsOf(group).map((shortcut) => (
              <div key={shortcut.id} className="shortcuts__row">
                <dt className="shortcuts__keys">
                  {shortcut.chords.map((chord, index) => (
                    <span key={index}>
                      {index > 0 && <span className="shortcuts__or"> {t('shortcuts.or')} </span>}
                      <kbd>{chordLabel(chord, MAC, keyNames)}</kbd>
                    </span>
                  ))}
                </dt>
                <dd className="shortcuts__label">{t(shortcut.label)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </div>
    </dialog>
  )
}
