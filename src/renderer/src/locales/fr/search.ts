/** French interface texts of the search namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/search'

export default {
  dialog: 'Recherche',
  box: 'Rechercher partout',
  placeholder: 'Rechercher dans les articles, citations, notes et étiquettes…',
  results: 'Résultats',
  articles_one: '{{count}} article',
  articles_other: '{{count}} articles',
  notes_one: '{{count}} note',
  notes_other: '{{count}} notes',
  indexLoading:
    'L’index de recherche est encore en chargement ; ces résultats viennent d’un parcours complet, plus lent.',
  stillIndexing: 'Indexation en cours de {{titles}} : pas encore dans ces résultats.',
  quoted: '« {{text}} »',
  listSeparator: ', ',
  found: '{{articles}} et {{notes}} trouvés',
  wholeArticle: 'Note sur l’ensemble de l’article',
  intro: {
    what: 'Trouve les titres et le texte des articles, les passages surlignés, les notes et les noms d’étiquettes.',
    forgiving: 'Accents, majuscules et apostrophes sont ignorés : {{example}} trouve « sécurité ».',
    filters:
      'Restreignez avec {{tag}} (cette étiquette et celles qu’elle contient) ou {{article}} (mots du titre d’un article).'
  },
  empty: {
    nothingFound: 'Aucun résultat pour « {{query}} ».',
    withFilters:
      'Les filtres {{filters}} ne gardent que les notes sous cette étiquette et les articles dont le titre contient ces mots. Vérifiez leur orthographe, ou retirez-en un.',
    severalWords: 'Chaque mot doit être trouvé. Essayez avec moins de mots.',
    oneWord:
      'Essayez un mot plus court ou un autre : le dernier mot est cherché par son début, et les mots longs tolèrent une faute de frappe.'
  },
  help: {
    enter: 'Entrée',
    escape: 'Échap',
    move: 'pour se déplacer',
    open: 'pour ouvrir',
    close: 'pour fermer'
  }
} satisfies Translation<typeof en>
