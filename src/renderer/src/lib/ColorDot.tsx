/**
 * A round colour swatch that is a button: in the selection popover, a note's colour row,
 * the colour filters and the workspace's recolouring. `color: null` is the default
 * highlight colour, drawn as a half-filled dot.
 */
import { t } from './i18n'

type ColorKey = 'default' | 'yellow' | 'green' | 'blue' | 'pink' | 'orange'

/** A colour whose `name` is read when drawn, so it is always in the interface's current language. */
function named<C extends string | null>(color: C, key: ColorKey): { readonly color: C; readonly name: string } {
  return {
    color,
    get name() {
      return t(`common:colors.${key}`)
    }
  }
}

/** Colours offered for a highlight made without a tag; a tag's own colour wins once it has one. */
export const HIGHLIGHT_COLORS: { readonly color: string; readonly name: string }[] = [
  named('#facc15', 'yellow'),
  named('#4ade80', 'green'),
  named('#60a5fa', 'blue'),
  named('#f472b6', 'pink'),
  named('#fb923c', 'orange')
]

/** What a note's colour can be set to: the default, or one of the highlight colours. */
export const NOTE_COLOR_CHOICES: { readonly color: string | null; readonly name: string }[] = [
  named(null, 'default'),
  ...HIGHLIGHT_COLORS
]

export function ColorDot({
  color,
  ...button
}: { color: string | null } & Omit<
  React.ButtonHTMLAttributes<HTMLButtonElement>,
  'color' | 'type'
>): React.JSX.Element {
  return (
    <button
      type="button"
      {...button}
      className={`color-dot${color ? '' : ' color-dot--none'}`}
      style={color ? ({ '--dot-color': color } as React.CSSProperties) : undefined}
    />
  )
}
