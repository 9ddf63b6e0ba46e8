/** French interface texts of the tags namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/tags'

export default {
  chip: {
    remove: 'Retirer l’étiquette {{path}}'
  },
  picker: {
    label: 'Ajouter une étiquette',
    placeholder: 'Ajouter une étiquette… (Acteurs/Israël)',
    options: 'Étiquettes',
    create: 'Créer l’étiquette « {{path}} »',
    alreadyThere: '« {{path}} » est déjà sur cette note',
    pinned: 'Étiquettes épinglées : tapez le chiffre dans un champ vide'
  },
  manager: {
    label: 'Gestion des étiquettes',
    title: 'Étiquettes',
    empty:
      'Aucune étiquette pour l’instant. Étiquetez une note depuis son panneau : tapez « Acteurs/Israël » puis Entrée.',
    hint: 'Renommez une étiquette pour la déplacer avec tout ce qu’elle contient (« Maroc » → « Acteurs/Maroc »). Une étiquette épinglée s’applique avec son chiffre dans un champ d’étiquette vide. Ctrl+Z annule chaque modification.',
    tree: 'Étiquettes',
    close: 'Fermer',
    count_one: '{{count}} note',
    count_other: '{{count}} notes',
    ownCount_one: '(dont {{count}} sur cette étiquette même)',
    ownCount_other: '(dont {{count}} sur cette étiquette même)',
    impliedTitle: 'Parente d’autres étiquettes : ses actions s’appliquent à toutes les étiquettes qu’elle contient',
    colour: 'Couleur de {{path}}',
    branchColour: 'Couleur de toutes les étiquettes sous {{path}}',
    rename: 'Renommer…',
    newName: 'Nouveau nom pour {{path}}',
    renameSubmit: 'Renommer',
    cancel: 'Annuler',
    pin: 'Épingler {{path}} sur un chiffre',
    notPinned: 'Non épinglée',
    pinKey: 'Touche {{key}}',
    merge: 'Fusionner…',
    mergeInto: 'Fusionner {{path}} dans',
    mergeChoose: 'Choisir une étiquette…',
    mergeConfirm: 'Fusionner',
    mergeExplain:
      'Ses notes porteront l’étiquette choisie à la place, et les étiquettes qu’elle contient passeront sous celle-ci.',
    delete: 'Supprimer',
    description: 'Description de {{path}}',
    descriptionPlaceholder: 'Ce que signifie cette étiquette (facultatif)'
  },
  outcome: {
    deleted: 'Étiquette « {{path}} » supprimée ; ses notes gardent leurs autres étiquettes.',
    merged: '« {{from}} » fusionnée dans « {{into}} ».',
    branchRenamed: 'Toutes les étiquettes sous « {{from}} » sont passées sous « {{to}} ».'
  },
  undoLabel: {
    rename: 'renommage d’étiquette',
    colour: 'couleur d’étiquette',
    description: 'description d’étiquette',
    deletion: 'suppression d’étiquette',
    merge: 'fusion d’étiquettes'
  },
  filter: {
    tags: 'Étiquettes',
    match: 'Correspondance des étiquettes',
    any: 'l’une d’elles',
    all: 'toutes',
    branchTitle: '{{path}} : toutes les étiquettes qu’elle contient',
    articles: 'Articles',
    colours: 'Couleurs'
  }
} satisfies Translation<typeof en>
