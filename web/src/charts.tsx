// Charts drawn by uPlot (decision 0115): male and female bars side by side per area, and a line across years with
// approximate points marked apart. Each chart is a labelled figure; the table beside it carries the same numbers.
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export const COLOURS = { male: "#1d4f91", female: "#b0215e", total: "#3b3b3b", approximate: "#b35900" };
const FONT = '12px system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif';

function Plot({ options, data, label }: { options: Omit<uPlot.Options, "width">; data: uPlot.AlignedData; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  // Options hold functions: the chart is drawn anew when its data or label change, not on every render.
  const key = `${label}|${JSON.stringify(data)}`;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const plot = new uPlot({ ...options, width: element.clientWidth }, data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: options.height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [key]);
  return (
    <figure class="chart" role="img" aria-label={label}>
      <div ref={box} />
    </figure>
  );
}

/** Bars stand on zero; lines keep uPlot's own range around their values. */
const fromZero: uPlot.Scale.Range = (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1];

const axis = (extra: Partial<uPlot.Axis> = {}): uPlot.Axis => ({ font: FONT, stroke: "#333", grid: { stroke: "#e3e3e3" }, ...extra });

export function AreaBars(props: {
  names: string[];
  male: (number | null)[];
  female: (number | null)[];
  total: (number | null)[];
  labels: { male: string; female: string; total: string };
  label: string;
  format: (value: number) => string;
}) {
  const { names, labels } = props;
  // Names slant when they would not fit side by side (many areas, or a phone).
  const slanted = names.length * 110 > Math.min(window.innerWidth, 1240);
  const indices = names.map((_, i) => i);
  // An indicator without a sex split (a ratio of boys to girls) has only its total to draw.
  const bySex = props.male.some((v) => v !== null) || props.female.some((v) => v !== null);
  // Long names are shortened on the axis only; the table has them whole.
  const short = names.map((name) => (name.length > 14 ? `${name.slice(0, 13)}…` : name));
  const bars = (align: -1 | 0 | 1) => uPlot.paths.bars?.({ size: [bySex ? 0.4 : 0.6, 48], align });
  const options: Omit<uPlot.Options, "width"> = {
    height: 300,
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false, range: [-0.5, names.length - 0.5] }, y: { range: fromZero } },
    axes: [
      axis({
        splits: () => indices,
        values: (_u, splits) => splits.map((i) => short[i] ?? ""),
        rotate: slanted ? -40 : 0,
        size: slanted ? 90 : 40,
        gap: 4,
      }),
      axis({ size: 64, values: (_u, splits) => splits.map(props.format) }),
    ],
    series: bySex
      ? [
          {},
          { label: labels.male, fill: COLOURS.male, stroke: COLOURS.male, paths: bars(-1), points: { show: false } },
          { label: labels.female, fill: COLOURS.female, stroke: COLOURS.female, paths: bars(1), points: { show: false } },
        ]
      : [{}, { label: labels.total, fill: COLOURS.total, stroke: COLOURS.total, paths: bars(0), points: { show: false } }],
  };
  const data: uPlot.AlignedData = bySex ? [indices, props.male, props.female] : [indices, props.total];
  return <Plot options={options} data={data} label={props.label} />;
}

export function YearLine(props: {
  years: number[];
  total: (number | null)[];
  male: (number | null)[];
  female: (number | null)[];
  approximate: boolean[];
  labels: { total: string; male: string; female: string; approximate: string };
  label: string;
  format: (value: number) => string;
}) {
  const { labels } = props;
  const bySex = props.male.some((v) => v !== null) || props.female.some((v) => v !== null);
  const line = (label: string, colour: string): uPlot.Series => ({
    label,
    stroke: colour,
    width: 2,
    spanGaps: true,
    points: { show: true, size: 7, fill: colour },
  });
  const options: Omit<uPlot.Options, "width"> = {
    height: 240,
    legend: { live: false },
    scales: { x: { time: false } },
    axes: [
      axis({ values: (_u, splits) => splits.map((y) => (Number.isInteger(y) ? String(y) : "")) }),
      axis({ size: 64, values: (_u, splits) => splits.map(props.format) }),
    ],
    series: [
      {},
      line(labels.total, COLOURS.total),
      ...(bySex ? [line(labels.male, COLOURS.male), line(labels.female, COLOURS.female)] : []),
      // Approximate years drawn again as large hollow orange points on the total, without a line.
      {
        label: labels.approximate,
        stroke: COLOURS.approximate,
        width: 0,
        paths: () => null,
        points: { show: true, size: 13, width: 3, fill: "#fff", stroke: COLOURS.approximate },
      },
    ],
  };
  const data: uPlot.AlignedData = [
    props.years,
    props.total,
    ...(bySex ? [props.male, props.female] : []),
    props.total.map((v, i) => (props.approximate[i] ? v : null)),
  ];
  return <Plot options={options} data={data} label={props.label} />;
}
