import { CHART_WIDTH, barGeometry, lineGeometry } from './chart-geometry';

const pct = (v: number) => `${Math.round(v * 100)}%`;

describe('report chart geometry', () => {
  it('places points left to right, 0 at the foot and the maximum at the top, and breaks the line at a missing value', () => {
    const g = lineGeometry(
      [
        { label: 'April', value: 0, text: '0%' },
        { label: 'May', value: null, text: '–' },
        { label: 'June', value: 1, text: '100%' },
      ],
      { max: 1, tickText: pct },
    );
    expect(g.points.map((p) => p.y)).toEqual([g.bottom, null, 24]);
    expect(g.points[0]!.x).toBeLessThan(g.points[2]!.x);
    expect(g.points[2]!.x).toBeLessThanOrEqual(g.right);
    // two separate moves: the line does not join April to June across the missing May
    expect(g.path.match(/M/g)).toHaveLength(2);
    expect(g.ticks.map((t) => t.text)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  });

  it('starts the axis at the minimum asked for (confidence from 1 to 5)', () => {
    const g = lineGeometry([{ label: 'Before', value: 1, text: '1.0' }], { min: 1, max: 5, tickText: String });
    expect(g.points[0]!.y).toBe(g.bottom);
    expect(g.ticks[0]!.text).toBe('1');
  });

  it('makes one bar per row, as wide as its share of the maximum, and no bar for a missing value', () => {
    const g = barGeometry(
      [
        { label: 'Police', value: 4, text: '4' },
        { label: 'Health', value: 2, text: '2' },
        { label: 'None', value: null, text: '–' },
      ],
      4,
    );
    expect(g.bars.map((b) => b.width)).toEqual([CHART_WIDTH - 88, (CHART_WIDTH - 88) / 2, 0]);
    expect(g.bars[0]!.y).toBeLessThan(g.bars[1]!.y);
    expect(g.height).toBeGreaterThan(g.bars[2]!.y + g.barHeight);
  });

  it('draws empty bars, not a division by zero, when every value is 0', () => {
    expect(barGeometry([{ label: 'Police', value: 0, text: '0' }], 0).bars[0]!.width).toBe(0);
  });
});
