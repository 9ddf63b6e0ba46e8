/** French interface texts shared by the shell and lib/; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/common'

export default {
  appName: 'Dossier',
  couldNotStart: 'Dossier n’a pas pu démarrer.',
  needsAddress:
    'Cette page a besoin de l’adresse affichée par Dossier à son démarrage (elle se termine par #token=…). Ouvrez cette adresse.',
  close: 'Fermer',
  loading: 'Chargement…',
  topBar: {
    views: 'Vues',
    articles: 'Articles',
    notes: 'Notes',
    briefings: 'Synthèses',
    search: 'Rechercher partout…',
    tags: 'Étiquettes…',
    shortcuts: 'Raccourcis clavier (?)',
    settings: 'Réglages',
    settingsTitle: 'Réglages (Ctrl+,)',
    browserMode: 'Mode navigateur',
    browserModeTitle: 'Dossier tourne dans votre navigateur ; les données restent sur cet ordinateur'
  },
  dropFiles: 'Déposez les fichiers pour les importer',
  readOnly: 'Lecture seule',
  shortcuts: {
    title: 'Raccourcis clavier',
    or: 'ou',
    ctrl: 'Ctrl',
    shift: 'Maj',
    Enter: 'Entrée',
    Escape: 'Échap',
    Delete: 'Suppr',
    Backspace: 'Retour arrière'
  },
  keymap: {
    general: 'Général',
    reading: 'Lecture',
    search: 'Rechercher partout',
    undo: 'Annuler la dernière modification de note ou d’étiquette',
    redo: 'Rétablir',
    shortcuts: 'Afficher ces raccourcis',
    settings: 'Ouvrir les réglages',
    highlight: 'Surligner la sélection',
    highlightNote: 'Surligner et écrire une note',
    highlightTag: 'Surligner et étiqueter',
    articleNote: 'Ajouter une note sur l’ensemble de l’article',
    nextHighlight: 'Surlignage suivant',
    previousHighlight: 'Surlignage précédent',
    noteUnderCaret: 'Afficher la note sous le curseur (encore : la suivante)',
    cancelReattach: 'Arrêter de rattacher une note',
    deleteHighlight: 'Supprimer le surlignage sous le curseur'
  },
  undo: {
    button: 'Annuler',
    undid: 'Annulé : {{action}}.',
    redid: 'Rétabli : {{action}}.',
    couldNotUndo: 'Impossible d’annuler : {{reason}}.',
    couldNotRedo: 'Impossible de rétablir : {{reason}}.',
    notLast: 'D’autres modifications ont suivi (« {{action}} ») : utilisez Ctrl+Z pour y revenir pas à pas.'
  },
  colors: {
    default: 'Par défaut',
    yellow: 'Jaune',
    green: 'Vert',
    blue: 'Bleu',
    pink: 'Rose',
    orange: 'Orange'
  },
  messages: {
    label: 'Messages',
    dismiss: 'Masquer le message',
    waiting_one: 'Encore {{count}} message : il s’affichera quand l’un de ceux-ci disparaîtra',
    waiting_other: 'Encore {{count}} messages : ils s’afficheront à mesure que ceux-ci disparaîtront'
  },
  notSaved: 'la modification n’a pas pu être enregistrée',
  dateField: {
    day: 'jj',
    month: 'mm',
    year: 'aaaa',
    invalid: 'Ce n’est pas une date : écrivez-la sous la forme {{pattern}}'
  },
  transport: {
    hostGone: 'Dossier ne fonctionne plus : relancez-le et rechargez cette page.',
    noData: 'Dossier a répondu {{status}} sans données.'
  }
} satisfies Translation<typeof en>
