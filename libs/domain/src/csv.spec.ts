import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it('quotes what needs quoting and keeps spreadsheets from running formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'line\nbreak'],
      ]),
    ).toBe('a,b\r\nc,"line\nbreak"\r\n');
  });
});
