import { telHref } from './contact';

describe('telHref', () => {
  it('keeps only the digits of a UK number', () => {
    expect(telHref('01632 960 000')).toBe('tel:01632960000');
    expect(telHref('(01632) 960-000')).toBe('tel:01632960000');
  });
  it('keeps the + of an international number and drops the (0) people do not dial from abroad', () => {
    expect(telHref('+44 (0)1632 960 000')).toBe('tel:+441632960000');
  });
});
