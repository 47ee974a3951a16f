import { describe, expect, it } from 'vitest';
import { parseCitation } from '@/lib/citations';
import { getArticle } from '@/lib/content';

const SLUG = 'building-trust-and-emotional-intimacy';

describe('parseCitation over the seven references of the published article', () => {
  const footnotes = getArticle(SLUG)?.footnotes ?? [];

  it('reads authors, year, title and kind from each', () => {
    expect(footnotes.map((f) => parseCitation(f.text))).toEqual([
      {
        authors: ['Gottman, J. M.', 'Silver, N.'],
        year: '1999',
        title:
          'The Seven Principles for Making Marriage Work: A Practical Guide from the Country’s Foremost Relationship Expert',
        kind: 'Book',
      },
      {
        authors: ['Rempel, J. K.', 'Holmes, J. G.', 'Zanna, M. P.'],
        year: '1985',
        title: 'Trust in close relationships',
        container: 'Social exchange: Advances in theory and research',
        kind: 'ScholarlyArticle',
      },
      {
        authors: ['Bowlby, J.'],
        year: '1973',
        title: 'Attachment and loss: Vol. 2. Separation: Anxiety and anger',
        kind: 'Book',
      },
      {
        authors: ['Johnson, S. M.'],
        year: '2008',
        title: 'Hold Me Tight: Seven Conversations for a Lifetime of Love',
        kind: 'Book',
      },
      {
        authors: ['Gottman, J. M.', 'Silver, N.'],
        year: '2015',
        title:
          'The Seven Principles for Making Marriage Work: Exercises for Building a Strong Marriage',
        kind: 'Book',
      },
      {
        authors: ['Gottman, J. M.', 'Silver, N.'],
        year: '2000',
        title: 'The Seven Principles for Making Marriage Work: Worksheets',
        kind: 'Book',
      },
      {
        authors: ['Enright, R. D.', 'Fitzgibbons, R. P.'],
        year: '2015',
        title: 'Forgiveness Therapy',
        kind: 'Book',
      },
    ]);
  });
});

describe('parseCitation edge cases', () => {
  it('states nothing it cannot read', () => {
    expect(parseCitation('See the author’s website for more.')).toEqual({
      authors: [],
      kind: 'CreativeWork',
    });
  });

  it('reads a journal article with hyphenated, apostrophised and particled names', () => {
    expect(
      parseCitation(
        'O’Neil-Smith, A. B., & van Dijk, C. (2020). “Trust repair in couples.” A journal article.',
      ),
    ).toEqual({
      authors: ['O’Neil-Smith, A. B.', 'van Dijk, C.'],
      year: '2020',
      title: 'Trust repair in couples',
      kind: 'ScholarlyArticle',
    });
  });
});
