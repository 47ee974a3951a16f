import { readableDate } from '@/lib/site';

/** A `<time>` with the machine-readable date and a reader-friendly one ("1 October 2023"). */
export function FormattedDate({ date }: { date: string }) {
  return <time dateTime={date}>{readableDate(date)}</time>;
}
