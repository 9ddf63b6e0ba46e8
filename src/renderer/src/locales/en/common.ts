/** English interface texts shared by the shell and lib/; the source of truth for their keys. */
export default {
  appName: 'Dossier',
  couldNotStart: 'Dossier could not start.'
} as const
