import { dateErrorField, dateErrorParts, wrongDateParts } from './date-parts';

describe('date input boxes at fault', () => {
  it('names only the boxes that are wrong on their own', () => {
    expect(wrongDateParts({ day: 'xx', month: '3', year: '2027' })).toEqual(['day']);
    expect(wrongDateParts({ day: '32', month: '3', year: '2027' })).toEqual(['day']);
    expect(wrongDateParts({ day: '27', month: '13', year: '2027' })).toEqual(['month']);
    expect(wrongDateParts({ day: '27', month: '3', year: '27' })).toEqual(['year']);
    expect(wrongDateParts({ day: '', month: '3', year: '' })).toEqual(['day', 'year']);
    expect(wrongDateParts({ day: ' 27 ', month: '03', year: '2027' })).toEqual([]);
  });

  it('highlights all three when the date as a whole is wrong or nothing was entered', () => {
    expect(dateErrorParts({ day: '31', month: '2', year: '2027' })).toEqual(['day', 'month', 'year']);
    expect(dateErrorParts({})).toEqual(['day', 'month', 'year']);
    expect(dateErrorParts({ day: '27', month: 'March', year: '2027' })).toEqual(['month']);
  });

  it('links the error summary to the first box at fault', () => {
    expect(dateErrorField('parts.0.date', { day: '27', month: 'xx', year: '2027' })).toBe('parts.0.date-month');
    expect(dateErrorField('bookingOpensOn', { day: '31', month: '2', year: '2027' })).toBe('bookingOpensOn-day');
  });
});
