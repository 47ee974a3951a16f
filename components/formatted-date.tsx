const formatter = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A `<time>` with the machine-readable date and a reader-friendly one ("1 October 2023"). */
export function FormattedDate({ date }: { date: string }) {
  return <time dateTime={date}>{formatter.format(new Date(`${date}T00:00:00Z`))}</time>;
}
