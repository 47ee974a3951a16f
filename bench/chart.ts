/**
 * A small hand-written SVG line chart: build time against article count, one line per app.
 * The x axis is logarithmic because the counts are 1, 100, 1,000 (and 10,000).
 */
export interface Series {
  name: string;
  color: string;
  points: { articles: number; seconds: number }[];
}

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { top: 40, right: 150, bottom: 50, left: 60 };

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export function buildTimeChart(series: Series[], title: string): string {
  const all = series.flatMap((s) => s.points);
  const counts = [...new Set(all.map((p) => p.articles))].sort((a, b) => a - b);
  const minLog = Math.log10(Math.max(1, counts[0] ?? 1));
  const maxLog = Math.max(minLog + 1, Math.log10(counts.at(-1) ?? 10));
  const yMax = niceMax(Math.max(...all.map((p) => p.seconds), 1));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (articles: number) =>
    MARGIN.left + ((Math.log10(Math.max(1, articles)) - minLog) / (maxLog - minLog)) * plotWidth;
  const y = (seconds: number) => MARGIN.top + plotHeight - (seconds / yMax) * plotHeight;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="600">${escapeXml(title)}</text>`,
  ];
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = (yMax / 4) * tick;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(value)}" y2="${y(value)}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(value) + 4}" text-anchor="end" fill="#555">${value.toFixed(value < 10 ? 1 : 0)}</text>`,
    );
  }
  for (const count of counts) {
    parts.push(
      `<line x1="${x(count)}" x2="${x(count)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#f0f0f0"/>`,
      `<text x="${x(count)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle" fill="#555">${count.toLocaleString('en')}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">articles (log scale)</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">cold build, seconds</text>`,
  );
  series.forEach((s, index) => {
    const points = [...s.points].sort((a, b) => a.articles - b.articles);
    const path = points.map((p) => `${x(p.articles).toFixed(1)},${y(p.seconds).toFixed(1)}`);
    parts.push(
      `<polyline points="${path.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"/>`,
      ...points.map(
        (p) =>
          `<circle cx="${x(p.articles).toFixed(1)}" cy="${y(p.seconds).toFixed(1)}" r="3.5" fill="${s.color}"><title>${escapeXml(`${s.name}: ${p.articles} articles, ${p.seconds.toFixed(1)} s`)}</title></circle>`,
      ),
    );
    const legendY = MARGIN.top + 10 + index * 20;
    const legendX = MARGIN.left + plotWidth + 16;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 18}" y1="${legendY}" y2="${legendY}" stroke="${s.color}" stroke-width="2"/>`,
      `<text x="${legendX + 24}" y="${legendY + 4}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
