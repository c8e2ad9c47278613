import { londonToUtc } from '@lh/domain';
import * as templates from './mail-templates';

const twoDays = {
  courseTitle: 'Graded Care Profile 2 & <more>',
  parts: [
    { start: londonToUtc('2026-03-03', '09:30'), end: londonToUtc('2026-03-03', '16:00') },
    { start: londonToUtc('2026-03-04', '09:30'), end: londonToUtc('2026-03-04', '16:00') },
  ],
  place: { kind: 'online' as const, joinUrl: null },
};
const base = {
  partnershipName: 'Northshire Safeguarding Children Partnership',
  recipientName: 'Asha Patel',
  session: twoDays,
  contact: { email: 'training@northshire.example.org', phone: '01632 960 000' },
  links: { course: 'https://learning-hub.example.org/courses/1' },
};
const charge = { agencyName: 'Northshire Young Carers', amountPence: 8000, perDayPence: 4000, days: 2 };

describe('non-attendance mail', () => {
  it('says what was missed, what the agency may be charged, whom to contact and how to book again', () => {
    const mail = templates.nonAttendance({ ...base, charge });
    expect(mail.subject).toBe('You did not attend: Graded Care Profile 2 & <more>');
    expect(mail.text).toContain('Part 1 of 2: Tuesday 3 March 2026, 9:30am to 4pm');
    expect(mail.text).toContain('your agency, Northshire Young Carers, may be charged £80.00 for the place (£40.00 a day for 2 days).');
    expect(mail.text).toContain('contact them at training@northshire.example.org or on 01632 960 000');
    expect(mail.text).toContain('https://learning-hub.example.org/courses/1');
    expect(mail.html).toContain('Graded Care Profile 2 &amp; &lt;more&gt;');
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('mentions no charge when the policy charges none', () => {
    const mail = templates.nonAttendance({ ...base, charge: null });
    expect(mail.text).not.toContain('charged');
    expect(mail.text).toContain('please cancel in good time');
  });

  it("tells the line manager why they get the copy, naming the person and their agency's charge", () => {
    const mail = templates.nonAttendanceManagerCopy({
      ...base,
      recipientName: 'line manager',
      practitionerName: 'Asha Patel',
      agencyName: 'Northshire Young Carers',
      charge: { ...charge, days: 1, amountPence: 4000 },
    });
    expect(mail.subject).toBe('Did not attend: Asha Patel, Graded Care Profile 2 & <more>');
    expect(mail.text).toContain('Dear line manager,');
    expect(mail.text).toContain("as Asha Patel's line manager: Northshire Young Carers asks for line managers to be told");
    expect(mail.text).toContain('their agency, Northshire Young Carers, may be charged £40.00 for the place.');
  });
});
