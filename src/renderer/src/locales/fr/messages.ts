/** French texts of the messages the services compose; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/messages'

export default {
  detail: '{{detail}}',
  notice: { alreadyDismissed: 'Ce message avait déjà été fermé.' },
  note: {
    pastEnd: 'La sélection dépasse la fin de l’article.',
    quoteChanged:
      'Le texte sélectionné ne correspond plus à l’article enregistré : rouvrez l’article et sélectionnez à nouveau.',
    gone: 'Cette note n’existe plus.',
    someGone: 'L’une de ces notes n’existe plus.',
    alreadyThere: 'Cette note existe déjà.',
    tooManyTags: 'Une note peut porter au plus {{limit}} étiquettes.'
  },
  tag: {
    badName: 'Ce nom d’étiquette ne peut pas être utilisé : {{reason}}.',
    changedSince: 'L’étiquette « {{tag}} » a changé depuis ; cette étape ne peut pas être annulée.',
    gone: 'Cette étiquette n’existe plus.',
    someGone: 'L’une de ces étiquettes n’existe plus.'
  },
  article: {
    gone: 'Cet article n’existe plus.',
    textMissing: 'Le texte de cet article est introuvable ({{file}}) : {{reason}}',
    textDamaged: 'Le texte de cet article est endommagé ({{file}}) : {{reason}}'
  },
  citation: { notAdded: '« {{fileName}} » n’a pas été ajouté : {{reason}}' },
  briefing: {
    gone: 'Cette synthèse n’existe plus.',
    alreadyThere: 'Cette synthèse existe déjà.',
    pdfNeedsDesktop:
      'L’export PDF nécessite l’application de bureau ; dans le navigateur, utilisez Imprimer → Enregistrer au format PDF.',
    noCitationStyles: 'Les styles de citation ne sont pas disponibles ici.'
  },
  quoted: '« {{text}} »',
  list: {
    pair: '{{first}}, {{second}}',
    titles: '{{titles}}',
    titlesAndMore: '{{titles}} et {{more}} autres'
  },
  count: {
    article_one: '{{count, number}} article',
    article_other: '{{count, number}} articles',
    tag_one: '{{count, number}} étiquette',
    tag_other: '{{count, number}} étiquettes',
    note_one: '{{count, number}} note',
    note_other: '{{count, number}} notes',
    briefing_one: '{{count, number}} synthèse',
    briefing_other: '{{count, number}} synthèses',
    paragraph_one: '{{count, number}} paragraphe',
    paragraph_other: '{{count, number}} paragraphes',
    citationstyle_one: '{{count, number}} style de citation',
    citationstyle_other: '{{count, number}} styles de citation'
  },
  age: {
    seconds_one: '{{count, number}} seconde plus tôt',
    seconds_other: '{{count, number}} secondes plus tôt',
    minutes_one: '{{count, number}} minute plus tôt',
    minutes_other: '{{count, number}} minutes plus tôt',
    hours_one: '{{count, number}} heure plus tôt',
    hours_other: '{{count, number}} heures plus tôt',
    days_one: '{{count, number}} jour plus tôt',
    days_other: '{{count, number}} jours plus tôt',
    clockChanged: 'après la découverte du dommage (l’horloge a changé)'
  },
  storage: {
    diskFull: 'Le disque est plein : votre dernière modification n’a pas été enregistrée.',
    notWritable:
      'Dossier n’a pas le droit d’écrire dans son dossier de données : votre dernière modification n’a pas été enregistrée.'
  },
  readOnly: {
    bannerDiskFull:
      'Dossier est en lecture seule : le disque est plein ({{dataDir}}). Votre bibliothèque s’affiche, mais les modifications ne peuvent pas être enregistrées.',
    bannerNotWritable:
      'Dossier est en lecture seule : impossible d’écrire dans le dossier de données ({{dataDir}}). Votre bibliothèque s’affiche, mais les modifications ne peuvent pas être enregistrées.',
    refusedDiskFull:
      'Dossier est en lecture seule, car le disque est plein : cette modification n’a pas été enregistrée.',
    refusedNotWritable:
      'Dossier est en lecture seule, car il ne peut pas écrire dans son dossier de données : cette modification n’a pas été enregistrée.'
  },
  import: {
    couldNotRead: 'il n’a pas pu être lu ({{detail}})',
    overLimit: 'le fichier fait {{megabytes}} Mo, au-delà de la limite d’import de {{limit}} Mo',
    empty: 'le fichier est vide',
    unsupportedType: 'type de fichier non pris en charge : {{extension}} (Dossier importe {{supported}})',
    noExtension: 'type de fichier non pris en charge : le nom n’a pas d’extension (Dossier importe {{supported}})',
    pasteNoText: 'rien à importer (le contenu collé n’a aucun texte lisible)',
    nothingToImport: 'rien à importer',
    notText: 'le fichier n’est pas du texte (il semble binaire)',
    invalidUtf8: 'le fichier se dit en UTF-8 mais n’est pas de l’UTF-8 valide',
    pageNoText: 'la page n’a aucun texte lisible',
    noReadableText: 'le fichier n’a aucun texte lisible',
    documentNoText: 'le document ne contient aucun texte',
    pdfTooManyPages: 'le PDF a {{count, number}} pages, au-delà de la limite d’import de {{limit}} pages',
    pdfScanned: 'le PDF n’a pas de couche texte (c’est une image numérisée) ; Dossier a besoin du texte',
    pdfOnlyHeaders: 'le PDF n’a pas d’autre texte que ses en-têtes et pieds de page',
    pdfEncrypted:
      'le PDF est protégé par un mot de passe : ouvrez-le, enregistrez-en une copie sans mot de passe et importez celle-ci',
    pdfDamaged: 'le fichier est endommagé ou n’est pas un PDF',
    pdfUnreadable: 'le PDF n’a pas pu être lu ({{detail}})',
    docxDamaged: 'le fichier Word est endommagé ou n’est pas un .docx ({{detail}})',
    docxOldDoc: 'il semble s’agir d’un ancien fichier .doc : enregistrez-le en .docx dans Word',
    docxNotZip: 'ce n’est pas une archive zip',
    docxNoDocumentXml: 'word/document.xml est absent',
    detail: '{{detail}}',
    tooComplex: 'il est trop volumineux ou trop complexe pour être importé (il lui fallait plus de {{megabytes}} Mo)',
    couldNotStart: 'l’import n’a pas pu démarrer : importez-le à nouveau',
    couldNotReplace: '« {{fileName}} » n’a pas pu remplacer le texte : {{reason}}'
  },
  recovery: {
    restored:
      '{{file}} n’a pas pu être lu ({{reason}}) ; Dossier a rétabli la dernière copie intacte, {{saved}}{{contents}}.{{kept}}',
    startsEmpty:
      '{{file}} n’a pas pu être lu ({{reason}}) ; aucune copie antérieure n’était lisible, Dossier repart donc d’un fichier vide.{{kept}}',
    missing: 'le fichier manquait',
    notJson: 'il est tronqué ou n’est pas du JSON valide',
    notAnObject: 'il ne contient pas ce que Dossier y range',
    wrongShape: 'son contenu n’a pas la forme attendue : {{detail}}',
    kept: ' Le fichier endommagé a été conservé dans {{path}}.',
    contents: ' : {{contents}}',
    savedSameDay: 'enregistrée à {{savedTime}}, {{age}}',
    savedOtherDay: 'enregistrée le {{savedDate}} à {{savedTime}}, {{age}}',
    savedUnknown: 'enregistrée à une heure inconnue'
  },
  unreadable: {
    denied: 'le système ne permet pas à Dossier de le lire',
    isFolder: 'c’est un dossier, pas un fichier',
    notFolder: 'un fichier se trouve là où devrait être un dossier',
    diskError: 'le disque a signalé une erreur pendant la lecture',
    brokenLink: 'c’est un lien qui ne mène nulle part',
    notesOf: 'Les notes de « {{title}} »',
    notesOfAnArticle: 'Les notes d’un article',
    error: '{{what}} n’ont pas pu être lues : {{file}} ({{reason}}). Le reste de la bibliothèque n’est pas touché.',
    notice:
      '{{what}} n’ont pas pu être lues : {{file}} ({{reason}}). Le reste de la bibliothèque n’est pas touché. Dossier de données : {{dataDir}}.'
  },
  folder: {
    cannotExamine: 'il ne peut pas être examiné ({{detail}})',
    isLink: 'c’est un lien, pas un dossier',
    isFile: 'c’est un fichier, pas un dossier',
    cannotRead: 'il ne peut pas être lu ({{detail}})',
    movedAside:
      '{{folder}}, dans le dossier de données, était inutilisable ({{reason}}) ; Dossier l’a déplacé vers {{movedTo}} et en a créé un nouveau, vide. D’anciennes sauvegardes se trouvent peut-être dans la copie déplacée.'
  },
  housekeeping: {
    tagsRecovered_one:
      '{{count, number}} étiquette utilisée par {{notes}} avait été perdue avec l’ancienne bibliothèque ; elle est de retour sous le nom {{names}}. Renommez-la dans Étiquettes….',
    tagsRecovered_other:
      '{{count, number}} étiquettes utilisées par {{notes}} avaient été perdues avec l’ancienne bibliothèque ; elles sont de retour sous les noms {{names}}. Renommez-les dans Étiquettes….',
    relinked_one:
      '{{count, number}} article absent de la bibliothèque a été retrouvé grâce à son texte enregistré : {{titles}}. Son titre et ses détails sont peut-être à corriger dans Infos de l’article.',
    relinked_other:
      '{{count, number}} articles absents de la bibliothèque ont été retrouvés grâce à leur texte enregistré : {{titles}}. Leurs titres et détails sont peut-être à corriger dans Infos de l’article.',
    trashed_one:
      '{{count, number}} article annoté avait perdu sa place dans la bibliothèque ; il est de retour, dans la corbeille : {{titles}}.',
    trashed_other:
      '{{count, number}} articles annotés avaient perdu leur place dans la bibliothèque ; ils sont de retour, dans la corbeille : {{titles}}.',
    unreadableBodies:
      'Des textes d’articles absents de la bibliothèque n’ont pas pu être lus et ont été laissés tels quels : {{files}}.'
  },
  intent: {
    completed: '{{kind}}{{subject}}, interrompue par {{cause}}, a été menée à terme : {{notes}}.',
    kind: {
      'merge-tags': 'Une fusion d’étiquettes',
      'delete-tag': 'Une suppression d’étiquette',
      'restore-tag': 'L’annulation d’une suppression d’étiquette',
      'undo-merge-tags': 'L’annulation d’une fusion d’étiquettes',
      'bulk-update-notes': 'Une modification de plusieurs notes',
      'restore-note-fields': 'L’annulation d’une modification de plusieurs notes'
    },
    byCrash: 'un plantage',
    byError: 'une erreur',
    subjectMerge: ' (« {{from}} » dans « {{into}} »)',
    subjectTag: ' (« {{tag}} »)',
    damaged:
      'Le journal d’une modification d’étiquettes interrompue par un plantage, {{file}}, n’a pas pu être lu ({{reason}}) : cette modification n’est peut-être appliquée qu’en partie, vérifiez les étiquettes des notes récentes.{{kept}}',
    setAside: ' Il a été mis de côté dans {{path}}.',
    leftInPlace: ' Il n’a pas pu être déplacé et a été laissé en place.',
    willRetry:
      'Une modification d’étiquettes interrompue par un plantage n’a pas encore pu être menée à terme ({{reason}}) ; Dossier réessaiera avant la prochaine modification d’étiquettes.',
    blocked:
      'Une modification d’étiquettes antérieure n’a pas pu être menée à terme ({{reason}}) ; aucune étiquette ne peut changer tant qu’elle ne l’est pas.'
  }
} satisfies Translation<typeof en>
