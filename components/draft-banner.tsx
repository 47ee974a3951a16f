import { FormattedDate } from './formatted-date';

/**
 * Shown on articles that are not public yet. Production builds never render these articles,
 * so the banner only ever appears under `npm run dev`.
 */
export function DraftBanner({ status, date }: { status: 'draft' | 'scheduled'; date: string }) {
  return (
    <p className="draft-banner" role="note">
      <strong className="draft-banner-label">{status === 'draft' ? 'Draft' : 'Scheduled'}</strong>{' '}
      {status === 'draft' ? (
        <>
          Not published: only <code>npm run dev</code> shows this article. Remove{' '}
          <code>draft: true</code> to publish it.
        </>
      ) : (
        <>
          Goes live with the first build on or after <FormattedDate date={date} />; until then only{' '}
          <code>npm run dev</code> shows it.
        </>
      )}
    </p>
  );
}
