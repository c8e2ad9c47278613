import { MandatoryStatus, londonToUtc } from '@lh/domain';
import * as templates from './mail-templates';

const base = {
  partnershipName: 'Northshire Safeguarding Children Partnership',
  recipientName: 'Asha Patel',
  requirementName: 'Safeguarding children: level 1 & <awareness>',
  validUntil: '2027-02-28',
  dueBy: null,
  sessions: [
    {
      courseTitle: 'Safeguarding children: level 1',
      startsAt: londonToUtc('2027-01-12', '09:30'),
      endsAt: londonToUtc('2027-01-12', '12:30'),
      place: 'Northshire Civic Centre',
      href: 'https://learning-hub.example.org/sessions/s1/book',
    },
  ],
  links: { mandatoryTraining: 'https://learning-hub.example.org/mandatory-training', courses: 'https://learning-hub.example.org/courses' },
  contact: { email: 'training@northshire.example.org' },
};

describe('mandatory training reminders', () => {
  it('a refresher due says until when it is valid and lists the sessions to book, with their links', () => {
    const mail = templates.trainingDue({ ...base, status: MandatoryStatus.DUE_SOON });
    expect(mail.subject).toBe('Refresher due: Safeguarding children: level 1 & <awareness>');
    expect(mail.text).toContain('is valid until Sunday 28 February 2027');
    expect(mail.text).toContain('Safeguarding children: level 1: Tuesday 12 January 2027, 9:30am to 12:30pm, Northshire Civic Centre.');
    expect(mail.text).toContain('https://learning-hub.example.org/sessions/s1/book');
    expect(mail.text).toContain('https://learning-hub.example.org/mandatory-training');
    expect(mail.html).toContain('level 1 &amp; &lt;awareness&gt;');
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('expired and overdue say which, with the date; with no sessions it points to the courses', () => {
    const expired = templates.trainingOverdue({ ...base, status: MandatoryStatus.EXPIRED });
    expect(expired.subject).toBe('Expired: Safeguarding children: level 1 & <awareness>');
    expect(expired.text).toContain('It was valid until Sunday 28 February 2027 and has now expired.');
    const overdue = templates.trainingOverdue({
      ...base,
      status: MandatoryStatus.OVERDUE,
      validUntil: null,
      dueBy: '2026-12-30',
      sessions: [],
    });
    expect(overdue.subject).toBe('Overdue: Safeguarding children: level 1 & <awareness>');
    expect(overdue.text).toContain('New starters must complete it by Wednesday 30 December 2026');
    expect(overdue.text).toContain('There are no dates to book at the moment');
    expect(overdue.text).toContain('https://learning-hub.example.org/courses');
  });
});
