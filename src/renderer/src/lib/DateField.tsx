/**
 * A day field that reads and writes dates the interface locale's way (lib/dateField.ts): a
 * native date input follows the browser's locale instead, so a French interface in an English
 * browser asked for mm/dd/yyyy. The value is an ISO day (YYYY-MM-DD) or null when empty;
 * what is typed stays as typed until it is a real day.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, parseDay } from './dateField'
import { interfaceLocale } from './i18n'

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'placeholder'>

export function DateField({
  value,
  onChange,
  ...input
}: { value: string | null; onChange: (day: string | null) => void } & InputProps): React.JSX.Element {
  const { t, i18n } = useTranslation('common')
  const locale = interfaceLocale()
  const [typed, setTyped] = useState(() => (value ? formatDay(value, locale) : ''))
  // A value set from outside (filters cleared) or a new language: write it anew, unless it is what is typed.
  useEffect(() => {
    setTyped((current) => (parseDay(current, locale) === value ? current : value ? formatDay(value, locale) : ''))
  }, [value, locale, i18n.language])
  const pattern = formatDay('2022-07-19', locale)
    .replace('19', t('dateField.day'))
    .replace('07', t('dateField.month'))
    .replace('2022', t('dateField.year'))
  const invalid = typed.trim() !== '' && parseDay(typed, locale) === null
  return (
    <input
      {...input}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={pattern}
      title={invalid ? t('dateField.invalid', { pattern }) : undefined}
      aria-invalid={invalid || undefined}
      value={typed}
      onChange={(event) => {
        const text = event.target.value
        setTyped(text)
        if (text.trim() === '') onChange(null)
        else {
          const day = parseDay(text, locale)
          if (day) onChange(day)
        }
      }}
    />
  )
}
