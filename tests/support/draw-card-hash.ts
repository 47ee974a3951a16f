/**
 * Prints the SHA-256 of the share card for the JSON card text in argv[2], drawn in a process of
 * its own: tests/unit/og-card.test.ts compares it with a card drawn in the test's process,
 * because a card URL's `?v=` assumes the same text always gives the same bytes.
 * Run with `node --conditions=react-server --import tsx`.
 */
import { createHash } from 'node:crypto';
import { drawCard, type CardText } from '@/lib/og-card';

const card: CardText = JSON.parse(process.argv[2] ?? '{}');
process.stdout.write(
  createHash('sha256')
    .update(await drawCard(card))
    .digest('hex'),
);
