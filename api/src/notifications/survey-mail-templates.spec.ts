import * as templates from './mail-templates';

const base: templates.SurveyMailDetails = {
  partnershipName: 'Northshire Safeguarding Children Partnership',
  recipientName: 'Asha Patel',
  stage: 'END_OF_COURSE',
  courseTitle: 'Neglect & <the toolkit>',
  sessionDate: 'Wednesday 2 December 2026',
  closesOn: 'Wednesday 23 December 2026',
  anonymous: true,
  links: {
    survey: 'https://learning-hub.example.org/surveys/abc.def',
    yourSurveys: 'https://learning-hub.example.org/surveys',
    optOut: null,
  },
};

describe('survey mail', () => {
  it('invites to the evaluation with the personal link, the closing date and how the answers are kept', () => {
    const mail = templates.surveyInvitation(base);
    expect(mail.subject).toBe('How was Neglect & <the toolkit>? Your evaluation');
    expect(mail.text).toContain('https://learning-hub.example.org/surveys/abc.def');
    expect(mail.text).toContain('Open until: Wednesday 23 December 2026');
    expect(mail.text).toContain('Your answers are anonymous');
    expect(mail.text).not.toContain('Stop impact surveys');
    expect(mail.html).toContain('Neglect &amp; &lt;the toolkit&gt;');
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(mail.html).toContain('href="https://learning-hub.example.org/surveys/abc.def"');
  });

  it('asks about practice at 6 months, named, with a way to stop impact surveys', () => {
    const mail = templates.surveyInvitation({
      ...base,
      stage: 'SIX_MONTHS',
      anonymous: false,
      links: { ...base.links, optOut: 'https://learning-hub.example.org/surveys/opt-out/xyz' },
    });
    expect(mail.subject).toBe('6 months on: has Neglect & <the toolkit> changed your practice?');
    expect(mail.text).toContain('It is 6 months since you went to Neglect & <the toolkit> on Wednesday 2 December 2026');
    expect(mail.text).toContain('kept with your name');
    expect(mail.text).toContain('Stop impact surveys');
    expect(mail.text).toContain('https://learning-hub.example.org/surveys/opt-out/xyz');
  });

  it('reminds, saying which reminder it is and when the survey closes', () => {
    const mail = templates.surveyReminder({ ...base, stage: 'TWELVE_MONTHS', reminder: 2, reminders: 3 });
    expect(mail.subject).toBe('Reminder: your 12 months on survey for Neglect & <the toolkit> closes on Wednesday 23 December 2026');
    expect(mail.text).toContain('This is reminder 2 of 3');
  });

  it("asks the line manager about the practitioner's practice, with no account needed", () => {
    const mail = templates.surveyManagerInvitation({
      partnershipName: base.partnershipName,
      practitionerName: 'Asha Patel',
      stage: 'TWELVE_MONTHS',
      courseTitle: 'Neglect',
      sessionDate: base.sessionDate,
      closesOn: base.closesOn,
      links: { survey: 'https://learning-hub.example.org/surveys/m.n' },
    });
    expect(mail.subject).toBe("Asha Patel's training 12 months on: what have you seen?");
    expect(mail.text).toContain('Dear line manager,');
    expect(mail.text).toContain('evidence from supervision');
    expect(mail.text).toContain('https://learning-hub.example.org/surveys/m.n');
  });
});
