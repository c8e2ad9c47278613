import * as templates from './mail-templates';

const base = {
  partnershipName: 'Northshire Safeguarding Children Partnership',
  recipientName: 'Asha Patel',
  courseTitle: 'Domestic abuse & <coercive control>',
  links: { course: 'https://learning-hub.example.org/courses/c1', account: 'https://learning-hub.example.org/account' },
};
// 9:30am on Tuesday 3 March 2026 (GMT) and 10am on Tuesday 2 June 2026 (BST), over two days
const winter = { parts: [{ start: new Date('2026-03-03T09:30:00Z'), end: new Date('2026-03-03T12:30:00Z') }] };
const summer = {
  parts: [
    { start: new Date('2026-06-02T09:00:00Z'), end: new Date('2026-06-02T12:00:00Z') },
    { start: new Date('2026-06-03T09:00:00Z'), end: new Date('2026-06-03T12:00:00Z') },
  ],
};

describe('new dates: the mail to people who asked', () => {
  it('names the one new date in London time, where it is and how to book it', () => {
    const mail = templates.newDatesAdded({
      ...base,
      dates: [{ ...winter, place: { kind: 'online' }, bookHref: 'https://learning-hub.example.org/sessions/s1/book' }],
    });
    expect(mail.subject).toBe('New dates: Domestic abuse & <coercive control>');
    expect(mail.text).toContain('It now has one:');
    expect(mail.text).toContain('Date and time: Tuesday 3 March 2026, 9:30am to 12:30pm');
    expect(mail.text).toContain('Where: Online');
    expect(mail.text).toContain('Book this date:\nhttps://learning-hub.example.org/sessions/s1/book');
    expect(mail.text).toContain('We will not mail you again about new dates for this course unless you ask again.');
    expect(mail.html).toContain('Domestic abuse &amp; &lt;coercive control&gt;');
    expect(mail.html).toContain('href="https://learning-hub.example.org/sessions/s1/book"');
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('lists every date of a repeat in one mail, each with its own link, in British Summer Time where it applies', () => {
    const mail = templates.newDatesAdded({
      ...base,
      dates: [
        { ...winter, place: { kind: 'online' }, bookHref: 'https://learning-hub.example.org/sessions/s1/book' },
        {
          ...summer,
          place: { kind: 'venue', name: 'Civic Centre', address: '1 High Street\nNorthshire' },
          bookHref: 'https://learning-hub.example.org/sessions/s2/book',
        },
      ],
    });
    expect(mail.text).toContain('It now has 2:');
    expect(mail.text).toContain('Date 1: Tuesday 3 March 2026, 9:30am to 12:30pm');
    expect(mail.text).toContain('Date 2: Tuesday 2 June 2026, 10am to 1pm');
    expect(mail.text).toContain('Part 2 of 2: Wednesday 3 June 2026, 10am to 1pm');
    expect(mail.text).toContain('Where: Civic Centre, 1 High Street, Northshire');
    expect(mail.text.match(/Book this date:/g)).toHaveLength(2);
  });
});
