export { default as BarChart } from './BarChart.svelte';
export { default as ChartFigure } from './ChartFigure.svelte';
export { default as LineChart } from './LineChart.svelte';
export * from './chart-geometry';
