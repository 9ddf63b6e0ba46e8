/**
 * A button that opens the three formats reference managers read: the library's « Export
 * bibliography » and the composer's « Export sources ». Here in lib/ because both features use it.
 * A disclosure rather than an ARIA menu: three plain buttons, reached with Tab, closed with
 * Escape or by leaving it. The composer's « Export sources » is the same disclosure under its
 * own names, so both pass the button's label and the group's accessible name.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BIBLIOGRAPHY_FORMATS, type BibliographyFormat } from '../../../shared/bibliography/formats'

export function BibliographyFormatMenu({
  disabled,
  onExport,
  label,
  menuLabel
}: {
  disabled: boolean
  onExport: (format: BibliographyFormat) => void
  /** The toggle's text; the library's « Export bibliography » when not given. */
  label?: string
  /** The formats group's accessible name; the library's when not given. */
  menuLabel?: string
}): React.JSX.Element {
  const { t } = useTranslation('library')
  const [open, setOpen] = useState(false)
  const container = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    const closeOutside = (event: PointerEvent): void => {
      if (!container.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', closeOutside)
    return () => document.removeEventListener('pointerdown', closeOutside)
  }, [open])

  return (
    <div
      ref={container}
      className="bibliography-export"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          setOpen(false)
          toggle.current?.focus()
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={disabled}
        onClick={() => setOpen((shown) => !shown)}
      >
        {label ?? t('bibliography.export')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={menuId}
          className="bibliography-export__menu"
          role="group"
          aria-label={menuLabel ?? t('bibliography.menuLabel')}
        >
          <p className="bibliography-export__hint">{t('bibliography.hint')}</p>
          {BIBLIOGRAPHY_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="bibliography-export__item"
              onClick={() => {
                setOpen(false)
                onExport(format)
              }}
            >
              {t(`bibliography.formats.${format}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
