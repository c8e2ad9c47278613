import * as templates from './mail-templates';

const base = {
  partnershipName: 'Northshire Safeguarding Children Partnership',
  recipientName: 'Asha Patel',
  learning: { title: 'Domestic abuse & <coercive control>', provider: 'NSPCC Learning', completedOn: '27 March 2026', hours: '3' },
  contact: { email: 'training@northshire.example.org' },
  links: { record: 'https://learning-hub.example.org/your-record' },
};

describe('learning done elsewhere: the decision mail', () => {
  it('says it was verified, what it was and how the record shows it', () => {
    const mail = templates.externalLearningDecided({ ...base, rejectionReason: null });
    expect(mail.subject).toBe('Added to your training record: Domestic abuse & <coercive control>');
    expect(mail.text).toContain('Provider: NSPCC Learning');
    expect(mail.text).toContain('Completed: 27 March 2026');
    expect(mail.text).toContain('"External, evidence seen"');
    expect(mail.text).toContain('https://learning-hub.example.org/your-record');
    expect(mail.html).toContain('Domestic abuse &amp; &lt;coercive control&gt;');
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(mail.text).not.toContain('reason');
  });

  it('gives the reason when it was not accepted, and what to do', () => {
    const mail = templates.externalLearningDecided({ ...base, rejectionReason: 'The certificate is for someone else' });
    expect(mail.subject).toBe('Not added to your training record: Domestic abuse & <coercive control>');
    expect(mail.text).toContain('Their reason: The certificate is for someone else');
    expect(mail.text).toContain('contact the training team at training@northshire.example.org');
  });
});
