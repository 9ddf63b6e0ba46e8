/** English interface texts of the settings namespace; the source of truth for its keys. */
export default {
  title: 'Settings',
  language: 'Interface language',
  languageHint: 'The language of menus, buttons and messages. Articles and notes keep their own.',
  system: 'Same as this computer ({{language}})',
  saveFailed: 'The language applies to this session only: {{reason}}'
} as const
