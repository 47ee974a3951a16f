import { ANSI } from './routes';

/**
 * A measured command's time split into phases by the lines it prints: for `next build`, its
 * compiling, collecting page data, prerendering and the rest. The bench's build ratio is one
 * number; the phases say which part of a build makes it, from the same runs.
 */

/** A phase, and the first line of output that starts it (none for the first phase). */
export interface PhaseMark {
  name: string;
  startsAt?: RegExp;
}

/** When a phase started: milliseconds and CPU-seconds since the command began. */
export interface PhaseStart {
  name: string;
  ms: number;
  cpuSeconds: number;
}

/** One phase's share of a run: its wall time and the CPU time of the whole process tree. */
export interface Phase {
  name: string;
  wallMs: number;
  cpuSeconds: number;
}

/**
 * `next build`'s phases as Next 16 prints them. "type check" runs from "Compiled" to "Collecting
 * page data": the minimal app's type check, and a few milliseconds for Cornerstone, which skips
 * it (`npm run typecheck` does it). "Collecting page data" is where the workers first load each
 * route, which for Cornerstone means loading, checking and rendering the content.
 */
export const NEXT_BUILD_PHASES: readonly PhaseMark[] = [
  { name: 'compiling' },
  { name: 'type check', startsAt: /Compiled (?:successfully|with warnings)/ },
  { name: 'collecting page data', startsAt: /Collecting page data/ },
  { name: 'prerendering', startsAt: /Generating static pages using \d+ workers? \(0\// },
  { name: 'finishing', startsAt: /✓ Generating static pages/ },
];

/**
 * The phases between the starts a run reached and its end. A phase whose line never came (a
 * build that failed, or output Next changed) is left out, its time counted in the phase before
 * it. Starts and end must come from one CPU count that never goes back (runMeasured's samples).
 */
export function phaseTimes(
  first: string,
  reached: readonly PhaseStart[],
  end: { ms: number; cpuSeconds: number },
): Phase[] {
  const starts = [{ name: first, ms: 0, cpuSeconds: 0 }, ...reached].sort((a, b) => a.ms - b.ms);
  return starts.map((start, index) => {
    const next = starts[index + 1] ?? { ...end, name: '' };
    return {
      name: start.name,
      wallMs: next.ms - start.ms,
      cpuSeconds: next.cpuSeconds - start.cpuSeconds,
    };
  });
}

/**
 * Watches a command's output for the lines that start the phases after the first (which starts
 * with the command), calling `reach` once per phase, in the order its line first appears. `text`
 * is all the output so far: a line may arrive split over chunks.
 */
export function phaseWatcher(
  marks: readonly PhaseMark[],
  reach: (name: string) => void,
): (text: string) => void {
  const waiting = marks.slice(1).filter((mark) => mark.startsAt);
  return (text) => {
    if (waiting.length === 0) return;
    const plain = text.replace(ANSI, '');
    for (const mark of [...waiting]) {
      if (!mark.startsAt?.test(plain)) continue;
      waiting.splice(waiting.indexOf(mark), 1);
      reach(mark.name);
    }
  };
}
