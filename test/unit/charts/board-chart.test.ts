import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  boardChartMaxBars,
  renderBoardChart,
  renderBoardChartSvg,
  type BoardChart,
  type BoardChartBar,
} from '../../../src/charts/board-chart.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(pngSignature);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The RGBA rows of an 8-bit RGBA, non-interlaced PNG: what resvg writes. */
function pngPixels(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const { width, height } = pngSize(png);
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const byte = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0] ?? 0;
      rgba[y * stride + x] = (byte + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

const bars = (names: readonly string[]): BoardChartBar[] =>
  names.map((name, index) => ({ name, value: 50 - index * 4, label: `${50 - index * 4} pts` }));

const chart = (overrides: Partial<BoardChart> = {}): BoardChart => ({
  title: 'Leaderboard · this week',
  valueTitle: 'Points',
  bars: bars(['Ada', 'Grace', 'Linus']),
  ...overrides,
});

const repNames = (count: number) => Array.from({ length: count }, (_, i) => `Rep ${String(i + 1).padStart(2, '0')}`);

describe('the weekly board chart', () => {
  it('is a PNG 720 px wide at twice the pixels, taller with more bars', async () => {
    const three = pngSize(await renderBoardChart(chart()));
    const ten = pngSize(await renderBoardChart(chart({ bars: bars(repNames(10)) })));
    expect(three.width).toBe(1440);
    expect(ten.width).toBe(1440);
    expect(three.height).toBeGreaterThan(200);
    expect(ten.height).toBeGreaterThan(three.height + 2 * 7 * 20);
    expect(ten.height).toBeLessThan(1200);
  });

  it(`draws the first ${boardChartMaxBars} bars, top rep first, of a longer list`, async () => {
    const twelve = chart({ bars: bars(repNames(12)) });
    const svg = await renderBoardChartSvg(twelve);
    const drawn = [...svg.matchAll(/>(Rep \d\d)</g)].map((match) => match[1]);
    expect(drawn).toEqual(repNames(10));
    expect(pngSize(await renderBoardChart(twelve))).toEqual(
      pngSize(await renderBoardChart(chart({ bars: bars(repNames(10)) }))),
    );
  });

  it('draws a small "No activity yet" image when nobody logged anything', async () => {
    const empty = chart({ bars: [] });
    expect(await renderBoardChartSvg(empty)).toContain('>No activity yet<');
    expect(await renderBoardChartSvg({ ...empty, emptyText: 'Пока нет активности' })).toContain('>Пока нет активности<');
    const size = pngSize(await renderBoardChart(empty));
    expect(size.width).toBe(1440);
    expect(size.height).toBeLessThan(pngSize(await renderBoardChart(chart({ bars: bars(['Ada']) }))).height);
  });

  it('keeps a bar for each of two reps with the same name and the same total, in the given order', async () => {
    const tied = chart({
      bars: [
        { name: 'Sam', value: 12, label: '12 pts' },
        { name: 'Sam', value: 12, label: '12 pts · B' },
        { name: 'Zoe', value: 0, label: '0 pts' },
      ],
    });
    const svg = await renderBoardChartSvg(tied);
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(3);
    expect(svg.match(/>Sam</g)).toHaveLength(2);
    expect(svg.indexOf('>12 pts<')).toBeLessThan(svg.indexOf('>12 pts · B<'));
    pngSize(await renderBoardChart(tied));
  });

  it('gives an all-zero week a readable axis', async () => {
    const svg = await renderBoardChartSvg(chart({ bars: [{ name: 'Ada', value: 0, label: '0 pts' }] }));
    expect(svg).toContain('>1<');
    expect(svg).not.toContain('0.000000');
  });

  it('shows markup in a name as text', async () => {
    const marked = chart({ title: 'Top </text><b>', bars: bars(['<b>&"Ann"</b>', 'Анна Ковалёва', 'Łukasz Żółć', 'Jörg Größe']) });
    const svg = await renderBoardChartSvg(marked);
    expect(svg).toContain('&lt;b&gt;&amp;&quot;Ann&quot;&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('>Анна Ковалёва<');
    expect(svg).toContain('>Łukasz Żółć<');
    pngSize(await renderBoardChart(marked));
  });

  // resvg draws no text at all when it finds no font for it, and the layout depends only on
  // the length of the text (vega estimates widths without node-canvas). So two charts that
  // differ only in equally long text render to the same bytes unless the glyphs are drawn.
  it.each([
    ['a Latin title', chart({ title: 'Weekly board' }), chart({ title: 'Monthly tops' })],
    ['Cyrillic names', chart({ bars: bars(['Жанна', 'Пётр']) }), chart({ bars: bars(['Ольга', 'Иван']) })],
    ['Polish and German names', chart({ bars: bars(['Łódź', 'Jürgen']) }), chart({ bars: bars(['Żaba', 'Größe']) })],
  ])('draws %s with the bundled font', async (_, one, other) => {
    expect((await renderBoardChart(one)).equals(await renderBoardChart(other))).toBe(false);
  });

  it('keeps the widest names inside the image', async () => {
    const wide = chart({ bars: bars(['Щ'.repeat(40), 'W'.repeat(40), 'Ж'.repeat(40)]) });
    expect(await renderBoardChartSvg(wide)).toContain('…');
    const { width, height, rgba } = pngPixels(await renderBoardChart(wide));
    const paddingPixels = 2 * 16;
    const inked: string[] = [];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (x >= paddingPixels && x < width - paddingPixels) continue;
        const at = (y * width + x) * 4;
        if (rgba[at] !== 255 || rgba[at + 1] !== 255 || rgba[at + 2] !== 255) inked.push(`${x},${y}`);
      }
    }
    expect(inked).toEqual([]);
  });
});
