/** What other features may use of tags/: the chip and the picker. The rest is the tag manager's own. */
export { TagChip } from './TagChip'
export { TagPicker } from './TagPicker'
