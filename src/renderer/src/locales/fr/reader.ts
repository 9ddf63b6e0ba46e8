/** French interface texts of the reader namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/reader'

export default {
  pane: {
    noArticle: 'Ouvrez un article de la bibliothèque, ou importez-en un.',
    articleText: 'Texte de l’article',
    words_one: '{{count}} mot',
    words_other: '{{count}} mots',
    editText: 'Modifier le texte',
    doneEditing: 'Terminer',
    articleInfo: 'Infos de l’article',
    moveToTrash: 'Mettre à la corbeille',
    editingBanner:
      'Vous modifiez le texte de l’article. Les notes suivent leurs passages\u202f; une note dont le passage a disparu reste dans le panneau Notes, marquée <em>orpheline</em>.',
    reattachBanner:
      'Sélectionnez le nouveau passage de la note «\u00a0{{quote}}\u00a0», puis appuyez sur <kbd>{{key}}</kbd>.',
    cancel: 'Annuler',
    reattached: 'Note rattachée au passage sélectionné.',
    attachHere: 'Rattacher la note ici'
  },
  editStatus: {
    saved: 'Modifications enregistrées',
    saving: 'Enregistrement…',
    failed: 'Non enregistré',
    unsaved: 'Modification en cours…'
  },
  edit: {
    cannotBeEmpty: 'Un article ne peut pas rester vide\u202f; annulez (Ctrl+Z) pour retrouver son texte.',
    notSaved: 'Votre modification de «\u00a0{{title}}\u00a0» n’a pas été enregistrée\u202f: {{reason}}'
  },
  popover: {
    label: 'Sélection',
    highlight: 'Surligner',
    note: 'Note',
    tag: 'Étiqueter',
    colors: 'Surligner en couleur',
    inColor: 'Surligner en {{color}}'
  },
  info: {
    label: 'Infos de l’article',
    title: 'Titre',
    type: 'Type',
    types: {
      'article-newspaper': 'Article de presse',
      'article-magazine': 'Article de magazine',
      'article-journal': 'Article de revue',
      report: 'Rapport',
      webpage: 'Page web',
      book: 'Livre',
      chapter: 'Chapitre de livre',
      document: 'Autre document'
    },
    container: {
      'article-newspaper': 'Journal',
      'article-magazine': 'Magazine',
      'article-journal': 'Revue',
      report: 'Publié par',
      webpage: 'Site',
      book: 'Éditeur',
      chapter: 'Dans le livre',
      document: 'Source'
    },
    outletPlaceholder: 'Le Monde, Reuters…',
    author: 'Auteur',
    authorPlaceholder: 'Signature',
    published: 'Publié le',
    accessed: 'Consulté le',
    sourceUrl: 'Adresse de la source',
    pages: 'Pages',
    pagesPlaceholder: '12-18',
    publisher: 'Éditeur',
    place: 'Lieu',
    placePlaceholder: 'Paris',
    language: 'Langue',
    languagePlaceholder: 'fr',
    urlPlaceholder: 'https://…',
    dateLetters: { day: 'jj', month: 'mm', year: 'aaaa' },
    badDate: 'Écrivez une date sous la forme {{pattern}}, un mois sous la forme {{monthPattern}}, ou une année seule.',
    imported: 'Importé le {{date}}',
    importedFrom: 'Importé le {{date}} depuis {{file}}',
    words_one: '{{count}} mot',
    words_other: '{{count}} mots',
    replace: 'Remplacer le texte depuis un fichier…',
    replacing: 'Remplacement du texte…',
    replaceHint:
      'Pour une version corrigée ou plus complète de cet article. Le titre et les détails ci-dessus sont conservés ; les notes sont recherchées dans le nouveau texte, et celles qui n’y sont pas retrouvées sont gardées pour que vous les vérifiiez.',
    replaceFile: 'Fichier contenant le nouveau texte',
    fill: 'Remplir depuis un fichier de références…',
    filling: 'Lecture du fichier…',
    fillHint:
      'Les détails d’un fichier CSL-JSON, BibTeX ou RIS, exporté de Zotero par exemple. Vérifiez-les, puis enregistrez.',
    fillFile: 'Fichier de références',
    unreadable:
      '« {{fileName}} » ne contient aucune référence lisible par Dossier : ce doit être un fichier CSL-JSON, BibTeX ou RIS.',
    filled: 'Détails remplis depuis « {{fileName}} » : vérifiez-les, puis enregistrez.',
    pickTitle: 'À quelle référence correspond cet article ?',
    pickText_one: '« {{fileName}} » contient {{count}} référence.',
    pickText_other: '« {{fileName}} » contient {{count}} références. Choisissez celle de cet article.',
    noAuthor: 'sans auteur',
    cancel: 'Annuler',
    save: 'Enregistrer'
  }
} satisfies Translation<typeof en>
