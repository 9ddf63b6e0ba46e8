/** French interface texts of the notes namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/notes'

export default {
  panel: {
    label: 'Notes',
    heading: 'Notes',
    count_one: '{{count}} note',
    count_other: '{{count}} notes',
    filterShow: 'Afficher',
    filterLabel: 'Filtrer les notes par étiquette',
    filterAll: 'Toutes les notes',
    filterOption: '{{name}} ({{count}})',
    listLabel: 'Notes de cet article',
    orphansLabel: 'Notes orphelines',
    orphansHeading_one: '{{count}} note orpheline\u202f: passage introuvable',
    orphansHeading_other: '{{count}} notes orphelines\u202f: passages introuvables',
    noneForFilter: 'Aucune note de cet article ne porte cette étiquette.'
  },
  empty: {
    title: 'Pas encore de note dans cet article',
    select:
      'Sélectionnez un passage de l’article à la souris, ou au clavier avec <kbd>Maj</kbd>+flèches après avoir cliqué dans le texte.',
    keys: 'Puis appuyez sur <kbd>{{highlight}}</kbd> pour le surligner, <kbd>{{note}}</kbd> pour écrire une note, <kbd>{{tag}}</kbd> pour l’étiqueter.',
    more: 'Appuyez sur <kbd>?</kbd> pour voir tous les raccourcis.'
  },
  state: {
    moved: 'Passage modifié',
    orphaned: 'Orpheline'
  },
  item: {
    tooltipQuote: '«\u00a0{{quote}}\u00a0»'
  },
  editor: {
    label: 'Note sélectionnée',
    movedLabel: 'Le passage a changé',
    movedTitle: 'L’article a été modifié et ce passage a changé.',
    highlighted: 'Surligné',
    nowReads: 'Texte actuel',
    keepNew: 'Garder le nouveau texte',
    chooseAnother: 'Choisir un autre passage…',
    orphanLabel: 'Passage introuvable',
    orphanText:
      'Ce passage n’est plus dans l’article. La note est conservée\u202f; sélectionnez son nouveau passage pour la rattacher.',
    reattach: 'Rattacher…',
    noteLabel: 'Note',
    saved: 'Enregistré',
    saving: 'Enregistrement…',
    placeholder: 'Pourquoi ce passage compte…',
    tagsLabel: 'Étiquettes de cette note',
    colorGroup: 'Couleur du surlignage',
    color: 'Couleur',
    colorTagWins: '{{name}} (la couleur de la première étiquette l’emporte tant qu’elle en a une)',
    created: 'Créée le <time>{{date}}</time>',
    edited: ' · modifiée le <time>{{date}}</time>',
    delete: 'Supprimer la note'
  },
  actions: {
    deleted: 'Note supprimée.'
  },
  article: {
    heading: 'Sur l’ensemble de l’article',
    add: 'Ajouter une note sur l’article',
    addTitle: 'Une note qui porte sur l’article, pas sur un passage (touche {{key}})',
    empty:
      'Résumé, appréciation, fiabilité de la source : les notes sur l’ensemble de l’article se placent ici (touche {{key}}).',
    noneForFilter: 'Aucune note sur l’article ne porte cette étiquette.',
    listLabel: 'Notes sur l’ensemble de l’article',
    blank: 'Note vide',
    editorLabel: 'Note sur l’ensemble de l’article',
    textLabel: 'Note sur l’article',
    placeholder: 'Résumé, appréciation, fiabilité de la source…',
    close: 'Terminé',
    delete: 'Supprimer la note',
    deleted: 'Note sur l’article supprimée.',
    undoCreate: 'note sur l’article',
    undoDelete: 'suppression d’une note sur l’article',
    undoText: 'texte d’une note sur l’article',
    undoTags: 'étiquettes d’une note sur l’article'
  }
} satisfies Translation<typeof en>
