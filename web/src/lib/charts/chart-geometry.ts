import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

/**
 * The pure geometry of the report charts (d3-scale and d3-shape), drawn as SVG in Svelte markup on the
 * server. Coordinates are in the viewBox's units; the SVG scales to its box, so a phone shows the same chart.
 */

export const CHART_WIDTH = 640;

/** A value to plot: its label (on the axis), value (null: nothing to plot, e.g. no bookings) and words. */
export interface ChartPoint {
  label: string;
  value: number | null;
  /** The value as the page words it: "72.5%", "–". */
  text: string;
}

export interface LineGeometry {
  height: number;
  /** The line's path, broken where a value is missing. */
  path: string;
  points: { x: number; y: number | null; label: string; text: string }[];
  /** Horizontal grid lines with their labels. */
  ticks: { y: number; text: string }[];
  left: number;
  right: number;
  bottom: number;
}

/** A line across `points`, the y axis from `min` to `max` with `tickCount` ticks worded by `tickText`. */
export function lineGeometry(
  points: readonly ChartPoint[],
  {
    min = 0,
    max,
    tickCount = 5,
    tickText,
    height = 300,
  }: { min?: number; max: number; tickCount?: number; tickText: (v: number) => string; height?: number },
): LineGeometry {
  const left = 56;
  const right = CHART_WIDTH - 16;
  const top = 24;
  const bottom = height - 48;
  const x = scalePoint<string>()
    .domain(points.map((_, i) => String(i)))
    .range([left, right])
    .padding(0.5);
  const y = scaleLinear().domain([min, max]).range([bottom, top]);
  const placed = points.map((p, i) => ({ x: x(String(i)) ?? left, y: p.value === null ? null : y(p.value), label: p.label, text: p.text }));
  const path =
    line<(typeof placed)[number]>()
      .defined((p) => p.y !== null)
      .x((p) => p.x)
      .y((p) => p.y ?? 0)(placed) ?? '';
  const ticks = y.ticks(tickCount).map((v) => ({ y: y(v), text: tickText(v) }));
  return { height, path, points: placed, ticks, left, right, bottom };
}

export interface BarGeometry {
  height: number;
  bars: { y: number; width: number; labelY: number; label: string; text: string }[];
  barHeight: number;
  left: number;
}

/** Horizontal bars, one row each (its label above its bar, its value at the bar's end), widths from 0 to `max`. */
export function barGeometry(items: readonly ChartPoint[], max: number): BarGeometry {
  const row = 44;
  const left = 8;
  const valueRoom = 80;
  const height = Math.max(row, items.length * row) + 8;
  const band = scaleBand<string>()
    .domain(items.map((_, i) => String(i)))
    .range([4, height - 4]);
  const width = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([0, CHART_WIDTH - left - valueRoom]);
  const barHeight = 16;
  const bars = items.map((item, i) => {
    const at = band(String(i)) ?? 0;
    return { y: at + 20, width: item.value === null ? 0 : width(item.value), labelY: at + 14, label: item.label, text: item.text };
  });
  return { height, bars, barHeight, left };
}
