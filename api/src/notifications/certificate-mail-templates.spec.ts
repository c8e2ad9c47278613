import * as templates from './mail-templates';

const base = {
  partnershipName: 'Northshire Safeguarding Children Partnership',
  recipientName: 'Asha Patel',
  courseTitle: 'Graded Care Profile 2 & <more>',
  code: '7KQ2-M9XD-4HPA-T6WN-3RBE',
  completedOn: '3 March 2026',
  contact: { email: 'training@northshire.example.org', phone: '01632 960 000' },
};
const issuedLinks = {
  download: 'https://learning-hub.example.org/certificates/1/certificate.pdf',
  verify: 'https://learning-hub.example.org/verify/7KQ2-M9XD-4HPA-T6WN-3RBE',
  certificates: 'https://learning-hub.example.org/certificates',
};

describe('certificate mail', () => {
  it('says the certificate is ready: the course, the code, links to download and to check it', () => {
    const mail = templates.certificateIssued({
      ...base,
      hours: '6 hours',
      expiresOn: '3 March 2029',
      replacesEarlier: false,
      links: issuedLinks,
    });
    expect(mail.subject).toBe('Your certificate: Graded Care Profile 2 & <more>');
    expect(mail.text).toContain('You completed Graded Care Profile 2 & <more> and your certificate is ready.');
    expect(mail.text).toContain('Certificate code: 7KQ2-M9XD-4HPA-T6WN-3RBE');
    expect(mail.text).toContain('Expires: 3 March 2029');
    expect(mail.text).toContain(`Download your certificate:\n${issuedLinks.download}`);
    expect(mail.text).toContain(`Check this certificate:\n${issuedLinks.verify}`);
    expect(mail.html).toContain('Graded Care Profile 2 &amp; &lt;more&gt;');
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('says when a new certificate replaces an earlier one, and leaves out an expiry the course does not set', () => {
    const mail = templates.certificateIssued({ ...base, hours: '6 hours', expiresOn: null, replacesEarlier: true, links: issuedLinks });
    expect(mail.text).toContain('It replaces the one you had: use this one from now on.');
    expect(mail.text).not.toContain('Expires');
  });

  it('says which certificate was withdrawn, the reason as the coordinator wrote it, and whom to contact', () => {
    const mail = templates.certificateRevoked({
      ...base,
      reason: 'Signed in for a colleague who was not there',
      links: { certificates: issuedLinks.certificates },
    });
    expect(mail.subject).toBe('Certificate withdrawn: Graded Care Profile 2 & <more>');
    expect(mail.text).toContain('your certificate with the code 7KQ2-M9XD-4HPA-T6WN-3RBE has been withdrawn');
    expect(mail.text).toContain('The reason the training team gave:\nSigned in for a colleague who was not there');
    expect(mail.text).toContain('contact the training team at training@northshire.example.org or on 01632 960 000');
    expect(mail.html).toContain('Signed in for a colleague who was not there');
  });
});
