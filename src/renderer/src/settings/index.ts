/** What the shell uses of settings/: the dialog. */
export { SettingsDialog } from './SettingsDialog'
