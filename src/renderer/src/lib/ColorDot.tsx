/**
 * A round colour swatch that is a button: in the selection popover, a note's colour row,
 * the colour filters and the workspace's recolouring. `color: null` is the default
 * highlight colour, drawn as a half-filled dot.
 */

/** Colours offered for a highlight made without a tag; a tag's own colour wins once it has one. */
export const HIGHLIGHT_COLORS: { color: string; name: string }[] = [
  { color: '#facc15', name: 'Yellow' },
  { color: '#4ade80', name: 'Green' },
  { color: '#60a5fa', name: 'Blue' },
  { color: '#f472b6', name: 'Pink' },
  { color: '#fb923c', name: 'Orange' }
]

/** What a note's colour can be set to: the default, or one of the highlight colours. */
export const NOTE_COLOR_CHOICES: { color: string | null; name: string }[] = [
  { color: null, name: 'Default' },
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
