/** French interface texts of the library namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/library'

export default {
  import: {
    tooLarge: 'le fichier dépasse la limite d’import de {{megabytes}} Mo',
    failure: '{{fileName}} : {{reason}}',
    importedOne: '1 article importé.',
    nothingImported: 'Rien n’a été importé.',
    importedOfFiles_one: 'Import terminé : {{imported}} sur {{count}} fichier.',
    importedOfFiles_other: 'Import terminé : {{imported}} sur {{count}} fichiers.',
    openedExisting_one: 'L’article qui contenait déjà ce texte a été ouvert.',
    openedExisting_other: '{{count}} articles qui contenaient déjà leur texte ont été ouverts.',
    duplicateNotImported: 'son texte est déjà dans la bibliothèque, sous le titre « {{title}} » ; non importé'
  },
  duplicate: {
    title: 'Déjà dans la bibliothèque',
    text: 'Le texte de « {{fileName}} » est déjà dans la bibliothèque, sous le titre « {{title}} ».',
    openExisting: 'Ouvrir l’article existant',
    importCopy: 'Importer une copie',
    cancel: 'Annuler'
  },
  replace: {
    failed: '« {{fileName}} » n’a pas pu remplacer le texte : {{reason}}',
    replaced: 'Texte remplacé par celui de « {{fileName}} ».',
    needReview_one: '{{count}} note à vérifier.',
    needReview_other: '{{count}} notes à vérifier.',
    noteFound: 'Sa note a été retrouvée dans le nouveau texte.',
    allFound_one: '{{count}} note retrouvée dans le nouveau texte.',
    allFound_other: 'Les {{count}} notes ont été retrouvées dans le nouveau texte.'
  },
  panel: {
    heading: 'Bibliothèque',
    articles_one: '{{count}} article',
    articles_other: '{{count}} articles',
    importFiles: 'Importer des fichiers…',
    paste: 'Coller…',
    filesToImport: 'Fichiers à importer',
    filterPlaceholder: 'Filtrer par titre, source, auteur…',
    filterLabel: 'Filtrer les articles',
    sortBy: 'Trier par',
    sorts: { imported: 'Date d’import', published: 'Date de publication', title: 'Titre' },
    empty:
      'Aucun article pour l’instant. Importez des fichiers, collez du texte, ou déposez des fichiers n’importe où dans cette fenêtre.',
    noMatch: 'Aucun article ne correspond à « {{filter}} ».',
    list: 'Articles',
    words_one: '{{count}} mot',
    words_other: '{{count}} mots',
    notes_one: '{{count}} note',
    notes_other: '{{count}} notes'
  },
  trash: {
    label: 'Corbeille',
    toggle: 'Corbeille ({{count}})',
    empty: 'La corbeille est vide.',
    restore: 'Restaurer',
    emptyTrash: 'Vider la corbeille…',
    movedToTrash: '« {{title}} » a été mis à la corbeille.',
    undo: 'Annuler',
    confirmDelete: 'Supprimer définitivement {{articles}} et {{notes}} ? Cette action est irréversible.',
    deleted_one: '{{count}} article supprimé définitivement.',
    deleted_other: '{{count}} articles supprimés définitivement.'
  },
  progress: {
    importingFiles_one: 'Import de {{count}} fichier…',
    importingFiles_other: 'Import de {{count}} fichiers…',
    importingOf: 'Import de {{done}} sur {{total}}…'
  },
  paste: {
    title: 'Coller un article',
    hint: 'Copiez un article depuis une page web, un document ou un courriel, puis appuyez sur <kbd>Ctrl</kbd>+<kbd>V</kbd> (<kbd>⌘</kbd>+<kbd>V</kbd> sur Mac) dans le cadre ci-dessous.',
    target: 'Collez ici',
    cancel: 'Annuler',
    pastedText: 'Texte collé'
  },
  bibliography: {
    export: 'Exporter la bibliographie',
    menuLabel: 'Exporter la bibliothèque en',
    hint: 'Pour Zotero et les autres gestionnaires de références',
    formats: { bibtex: 'BibTeX (.bib)', ris: 'RIS (.ris)', 'csl-json': 'CSL-JSON (.json)' },
    exporting: 'Export de la bibliographie…',
    exported_one: '{{count}} référence exportée dans {{fileName}}.',
    exported_other: '{{count}} références exportées dans {{fileName}}.',
    nothing: 'La bibliothèque ne contient aucun article à exporter.'
  }
} satisfies Translation<typeof en>
