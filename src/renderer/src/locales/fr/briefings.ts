/** French interface texts of the briefings namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/briefings'

export default {
  view: {
    region: 'Synthèses',
    list: 'Synthèses',
    heading: 'Synthèses',
    count_one: '{{count}} synthèse',
    count_other: '{{count}} synthèses',
    newBriefing: 'Nouvelle synthèse',
    newTitle: 'Nouvelle synthèse',
    noBriefing:
      'Aucune synthèse pour l’instant. Une synthèse rassemble des notes par étiquette, article ou date, et les exporte avec une citation pour chaque extrait.',
    createOne: 'Créez une synthèse pour rassembler des notes dans un document à envoyer.',
    notes_one: '{{count}} note',
    notes_other: '{{count}} notes',
    duplicated: 'Copie créée sous le titre «\u00a0{{title}}\u00a0».',
    deleted: 'Synthèse «\u00a0{{title}}\u00a0» supprimée.',
    undo: 'Annuler',
    undoLabel: 'suppression de la synthèse',
    preview: 'Aperçu'
  },
  exportRow: {
    group: 'Exporter',
    label_one: 'Exporter {{count}} note',
    label_other: 'Exporter {{count}} notes',
    counting: 'Décompte des notes…',
    markdown: 'Markdown',
    html: 'HTML',
    docx: 'Word',
    pdf: 'PDF',
    jsonld: 'JSON-LD',
    docxTitle: 'Word (.docx)',
    jsonldTitle: 'Annotations JSON-LD',
    paper: 'Papier',
    a4: 'A4',
    letter: 'Lettre US',
    exporting_one: 'Export de {{count}} note en {{format}}…',
    exporting_other: 'Export de {{count}} notes en {{format}}…',
    exported_one: '{{count}} note exportée dans {{fileName}}.',
    exported_other: '{{count}} notes exportées dans {{fileName}}.'
  },
  composer: {
    region: 'Rédaction',
    title: 'Titre de la synthèse',
    saved: 'Enregistré',
    saving: 'Enregistrement…',
    duplicate: 'Dupliquer',
    delete: 'Supprimer'
  },
  frontMatter: {
    legend: 'En-tête',
    subtitle: 'Sous-titre',
    author: 'Auteur',
    date: 'Date',
    classification: 'Mention de classification ou de diffusion',
    classificationExample: 'p. ex. Diffusion restreinte',
    keyPoints: 'Points clés (un par ligne)'
  },
  structure: {
    legend: 'Structure',
    groupBy: 'Regrouper par',
    groupTagTop: 'Étiquette de premier niveau',
    groupTagFull: 'Hiérarchie des étiquettes',
    groupArticle: 'Article source',
    groupNone: 'Sans regroupement',
    order: 'Ordre',
    orderDocument: 'Comme dans l’article',
    orderDate: 'Par date de la note',
    orderManual: 'Mon ordre (glisser les notes)',
    shortenBefore: 'Raccourcir les extraits de plus de',
    shortenAfter: 'caractères, avec […]',
    longestQuote: 'Longueur maximale d’un extrait, en caractères'
  },
  exportOptions: {
    legend: 'Citations et étiquettes',
    documentLanguage: 'Langue du document',
    languages: { fr: 'Français', en: 'English' },
    showTags: 'Afficher les étiquettes dans l’export',
    citationStyle: 'Style de citation',
    dossierStyle: 'Revue de presse, média en tête (Dossier)',
    addedStyle: '{{title}} (ajouté)',
    missingStyle: 'Un style qui n’est plus disponible',
    listingStyles: 'Chargement des styles…',
    addStyle: 'Ajouter un style…',
    styleAdded: 'Style de citation «\u00a0{{title}}\u00a0» ajouté.',
    exportSources: 'Exporter les sources',
    sourcesAs: 'Les sources de la synthèse en',
    sourcesExported_one: '{{count}}\u00a0source exportée dans {{fileName}}.',
    sourcesExported_other: '{{count}}\u00a0sources exportées dans {{fileName}}.',
    noSources: 'Cette synthèse ne cite aucun article à exporter.'
  },
  filter: {
    legend: 'Notes à inclure',
    tags: 'Étiquettes (un parent inclut ses enfants)',
    articles: 'Articles (aucun coché : tous les articles)',
    from: 'Notées du',
    to: 'au',
    words: 'Contenant les mots',
    wordsExample: 'sécurité, Rabat…'
  },
  row: {
    include: 'Inclure « {{quote}} »',
    includeArticleNote: 'Inclure la note sur l’ensemble de l’article « {{title}} »',
    wholeArticle: 'Sur l’ensemble de l’article',
    introduction: ' · imprimée en introduction de sa source',
    fromSnapshot: ' · supprimée depuis ; citée d’après la copie de cette synthèse',
    moveUp: 'Monter',
    moveDown: 'Descendre'
  },
  review: {
    orphaned: 'Orpheline',
    changed: 'Modifiée',
    showNote: 'Voir la note',
    showNoteLabel: 'Voir la note « {{quote}} » dans son article',
    group: 'Notes à vérifier',
    count_one: '{{count}} note à vérifier',
    count_other: '{{count}} notes à vérifier',
    hintIncluded: ' — incluses ci-dessous, chacune signalée dans les exports',
    hintLeftOut: ' — leur passage a changé ou a disparu depuis le surlignage',
    include: 'Inclure les notes à vérifier (signalées)',
    leftOut: 'Notes écartées jusqu’à vérification'
  },
  sections: {
    legend: 'Sections et notes',
    loading: 'Chargement…',
    emptyTitle: 'Cette synthèse ne contient encore aucune note.',
    emptyHowTo:
      'Sous «\u00a0Notes à inclure\u00a0», cochez une étiquette, un article ou une couleur, ou tapez quelques mots\u202f: les notes correspondantes apparaissent ici et dans l’aperçu.',
    emptyFromNotes:
      'Ou ouvrez Notes dans la barre du haut, sélectionnez des notes et créez une synthèse qui contient exactement celles-ci.',
    leftOut: 'Écartées',
    leftOutCount_one: '{{count}} note écartée',
    leftOutCount_other: '{{count}} notes écartées',
    include: 'Inclure «\u00a0{{quote}}\u00a0»',
    section: 'Section {{heading}}',
    sectionUntitled: 'Section des notes',
    sectionTitle: 'Titre de la section {{heading}}',
    intro: 'Introduction de la section {{heading}}',
    introUntitled: 'Introduction des notes',
    introPlaceholder: 'Introduction (facultative)',
    notesIn: 'Notes de {{heading}}',
    notesInBriefing: 'Notes de la synthèse'
  }
} satisfies Translation<typeof en>
