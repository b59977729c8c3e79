import { createRequire } from 'node:module';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { View, parse, type Runtime } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface BoardChartBar {
  name: string;
  value: number;
  /** shown after the bar, e.g. "42 pts" */
  label: string;
}

export interface BoardChart {
  title: string;
  /** axis title, e.g. "Points" */
  valueTitle: string;
  bars: readonly BoardChartBar[];
  /** Drawn instead of bars when there are none; defaults to "No activity yet". */
  emptyText?: string;
}

export const boardChartMaxBars = 10;

const fontFamily = 'DejaVu Sans';
const chartWidth = 720;
const padding = 16;
const pixelRatio = 2;
/**
 * Without node-canvas, vega sizes and truncates text with an estimate of 0.8 em a character
 * (vega-scenegraph `estimateWidth`), while DejaVu Sans draws letters such as "Щ", "Ж" or "W"
 * up to 1.1 em wide. The name column is a fixed width that holds the widest real rendering of
 * a label vega let through, so no name runs off the left edge of the image.
 */
const widestToEstimate = 1.1 / 0.8;
const nameLabelLimit = 190;
const nameLabelPadding = 8;
const nameColumnWidth = Math.ceil(nameLabelLimit * widestToEstimate) + nameLabelPadding;
/** Bold Latin and Cyrillic capitals average about 1.15 × vega's estimate; past that a title ends in "…". */
const titleLimit = Math.floor((chartWidth - 2 * padding) / 1.15);

const require = createRequire(import.meta.url);
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

/** No system fonts: without them resvg silently draws no text, so the bundled font must be the only one. */
const resvgOptions: ResvgRenderOptions = {
  font: { loadSystemFonts: false, fontFiles, defaultFontFamily: fontFamily },
  fitTo: { mode: 'zoom', value: pixelRatio },
  background: 'white',
};

const config = {
  font: fontFamily,
  background: 'white',
  padding,
  view: { stroke: null },
  title: { fontSize: 16, anchor: 'start', offset: 12, color: '#1d1c1d', limit: titleLimit },
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#454245', titleColor: '#454245' },
} as const;

/**
 * User text (names, titles, labels) reaches vega only as data and signal values, never inside
 * an expression; vega escapes it when writing SVG text. The y field is an index-prefixed key so
 * two reps with the same name keep two bars, and the axis shows the name after the first ":".
 */
const barsSpec: TopLevelSpec = {
  params: [
    { name: 'boardTitle', value: '' },
    { name: 'valueTitle', value: '' },
    { name: 'valueMax', value: 1 },
  ],
  title: { text: { expr: 'boardTitle' } },
  width: chartWidth,
  height: { step: 30 },
  data: { name: 'bars' },
  encoding: {
    y: {
      field: 'key',
      type: 'nominal',
      sort: null,
      scale: { paddingInner: 0.25 },
      axis: {
        title: null,
        ticks: false,
        domain: false,
        labelFontSize: 13,
        labelColor: '#1d1c1d',
        labelLimit: nameLabelLimit,
        labelPadding: nameLabelPadding,
        minExtent: nameColumnWidth,
        maxExtent: nameColumnWidth,
        labelExpr: 'substring(datum.value, indexof(datum.value, ":") + 1)',
      },
    },
    x: {
      field: 'value',
      type: 'quantitative',
      // An all-zero week would otherwise get the domain [0, 0] and a lone "0.000000" tick.
      scale: { domainMax: { expr: 'valueMax' } },
      axis: { title: { signal: 'valueTitle' }, tickMinStep: 1, gridColor: '#ebeaeb', domain: false },
    },
  },
  layer: [
    { mark: { type: 'bar', color: '#1264a3', cornerRadiusEnd: 3 } },
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 12, color: '#1d1c1d' },
      encoding: { text: { field: 'label', type: 'nominal' } },
    },
  ],
  config,
};

const emptySpec: TopLevelSpec = {
  params: [
    { name: 'boardTitle', value: '' },
    { name: 'emptyText', value: '' },
  ],
  title: { text: { expr: 'boardTitle' } },
  width: chartWidth,
  height: 60,
  data: { values: [{}] },
  mark: { type: 'text', fontSize: 14, color: '#616061', align: 'center', baseline: 'middle' },
  encoding: {
    text: { value: { expr: 'emptyText' } },
    x: { value: { expr: 'width / 2' } },
    y: { value: { expr: 'height / 2' } },
  },
  config,
};

let barsRuntime: Runtime | undefined;
let emptyRuntime: Runtime | undefined;

/**
 * vega-lite compile and vega parse depend only on the spec, so each runs once per process.
 * The width is fitted after compiling: vega-lite warns 'Dropping "fit-y"' for any fit type
 * when the height is a step (getTopLevelProperties in vega-lite's compile.ts), and its output
 * differs from a "pad" compile only in this property.
 */
function runtimeFor(spec: TopLevelSpec): Runtime {
  return parse({ ...compile(spec).spec, autosize: { type: 'fit-x', contains: 'padding' } });
}

/** The chart as SVG text, before rasterising: what `renderBoardChart` draws. */
export async function renderBoardChartSvg(chart: BoardChart): Promise<string> {
  const rows = chart.bars.slice(0, boardChartMaxBars).map((bar, index) => ({
    key: `${index}:${bar.name}`,
    value: Number.isFinite(bar.value) ? bar.value : 0,
    label: bar.label,
  }));
  const view =
    rows.length === 0
      ? new View((emptyRuntime ??= runtimeFor(emptySpec)), { renderer: 'none' })
          .signal('emptyText', chart.emptyText ?? 'No activity yet')
      : new View((barsRuntime ??= runtimeFor(barsSpec)), { renderer: 'none' })
          .signal('valueTitle', chart.valueTitle)
          .signal('valueMax', Math.max(1, ...rows.map((row) => row.value)))
          .data('bars', rows);
  try {
    view.signal('boardTitle', chart.title);
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Horizontal bars, top rep first; at most `boardChartMaxBars` bars are drawn. Returns PNG bytes. */
export async function renderBoardChart(chart: BoardChart): Promise<Buffer> {
  const svg = await renderBoardChartSvg(chart);
  // renderAsync rasterises on libuv's thread pool, so a board post does not block the event loop.
  const image = await renderAsync(svg, resvgOptions);
  return image.asPng();
}
