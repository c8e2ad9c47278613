// Certificates follow completions: issued at sign-off (never before), revoked by a correction with its
// reason, a new one naming the old when a correction restores attendance, a new one superseding the old
// when what it prints changes; verified by anyone with the code; PDFs for whoever may see the record.
import { AttendanceMark, AttendanceRule, CertificateStatus, MailKind, Role, londonParts } from '@lh/domain';
import { aPerson, anAgency } from '../../test/builders';
import { readPdf } from '../../test/pdf-text';
import { gql, signInAs } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Course } from '../catalogue/course.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Person } from '../people/person.entity';
import { MINUTE, useRegisterApi } from '../registers/register-test-support';
import { Certificate } from './certificate.entity';

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { code problem certificate {
  code holderName courseTitle level startedOn completedOn minutes partnershipName issuedOn status expiresOn revokedOn supersededOn } } }`;
const PDF = `query($id: ID!) { certificatePdf(certificateId: $id) { fileName base64 } }`;
const MINE = `query { myCertificates { id code status courseTitle pdfPath verifyPath } }`;

interface Verified {
  code: string | null;
  problem: string | null;
  certificate:
    | null
    | ({ holderName: string; courseTitle: string; status: string; revokedOn: string | null; supersededOn: string | null } & Record<
        string,
        unknown
      >);
}

describe('certificates (real API, real PostgreSQL)', () => {
  const ctx = useRegisterApi();
  const { at, scenario, marked, signOff } = ctx;
  const certificatesOf = (bookingId: string) =>
    ctx
      .em()
      .find(Certificate, { completion: { booking: bookingId } }, { orderBy: { issuedAt: 'asc' }, populate: ['replaces', 'supersededBy'] });
  const verify = async (code: string) => {
    const res = await gql<{ verifyCertificate: Verified }>(ctx.api.url, VERIFY, { code });
    expect(res.errors).toBeUndefined();
    return res.data!.verifyCertificate;
  };
  const mailOf = (personId: string) =>
    ctx
      .em()
      .find(
        OutboxMessage,
        { personId, kind: { $in: [MailKind.CERTIFICATE_ISSUED, MailKind.CERTIFICATE_REVOKED] } },
        { orderBy: { createdAt: 'asc' } },
      );
  const dashed = (code: string) => code.match(/.{4}/g)!.join('-');

  /** One person attended a one-part session of a course valid for `months`; the register is signed off. */
  async function attended(months: number | null = null) {
    const s = await scenario(['Ada Lovelace', 'Eve Absent'], { rule: AttendanceRule.SHARE_OF_TIME, percent: 50 });
    await ctx.em().nativeUpdate(Course, { id: s.session.course.id }, { certificateValidMonths: months, partlyAttendedCompletes: true });
    const [ada] = s.bookings as [Booking];
    const part = s.parts[0]!;
    at(part.startsAt, HOUR);
    const eventId = await marked(s.trainerCookie, { partId: part.id, bookingId: ada.id, mark: AttendanceMark.PRESENT });
    return { ...s, ada, part, eventId };
  }

  it('issues a certificate at sign-off and not before, copying what it prints, and mails the holder', async () => {
    const { ada, part, trainerCookie, session } = await attended(36);
    expect(await certificatesOf(ada.id)).toEqual([]); // marked, not signed off: nothing yet
    expect((await signOff(trainerCookie, part.id)).errors).toBeUndefined();

    const [cert, ...more] = await certificatesOf(ada.id);
    expect(more).toEqual([]);
    expect(cert!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    const course = await ctx.em().findOneOrFail(Course, session.course.id);
    const completedOn = londonParts(part.endsAt).date;
    expect(cert).toMatchObject({
      holderName: 'Ada Lovelace',
      courseTitle: course.title,
      level: course.level,
      minutes: 180,
      completedOn,
      status: 'VALID',
    });
    expect(cert!.expiresOn).toBe(`${Number(completedOn.slice(0, 4)) + 3}${completedOn.slice(4)}`);
    // nobody else: Eve did not attend
    expect(await certificatesOf((session as unknown as { id: string }).id)).toEqual([]);

    const mail = await mailOf(ada.person.id);
    expect(mail.map((m) => m.kind)).toEqual([MailKind.CERTIFICATE_ISSUED]);
    expect(mail[0]!.text).toContain(dashed(cert!.code));
    expect(mail[0]!.text).toContain(`/certificates/${cert!.id}/certificate.pdf`);
    expect(mail[0]!.text).toContain(`/verify/${dashed(cert!.code)}`);

    const answer = await verify(` ${dashed(cert!.code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `);
    expect(answer).toMatchObject({ code: dashed(cert!.code), problem: null });
    expect(answer.certificate).toMatchObject({
      holderName: 'Ada Lovelace',
      courseTitle: course.title,
      level: course.level,
      minutes: 180,
      completedOn,
      partnershipName: 'Learning Hub Safeguarding Children Partnership',
      status: CertificateStatus.VALID,
      revokedOn: null,
    });

    // the holder's training record names it, on the page and in the CSV
    const record = await gql<{
      trainingRecord: { completions: { title: string; certificate: { code: string; pdfPath: string } | null }[] };
    }>(
      ctx.api.url,
      `query($p: ID!) { trainingRecord(personId: $p) { completions { title certificate { code pdfPath } } } }`,
      { p: ada.person.id },
      ctx.coordinator,
    );
    expect(record.data!.trainingRecord.completions).toEqual([
      { title: course.title, certificate: { code: dashed(cert!.code), pdfPath: `/certificates/${cert!.id}/certificate.pdf` } },
    ]);
    const csv = await gql<{ trainingRecordCsv: { base64: string } }>(
      ctx.api.url,
      `query($p: ID!) { trainingRecordCsv(personId: $p) { base64 } }`,
      { p: ada.person.id },
      ctx.coordinator,
    );
    const lines = Buffer.from(csv.data!.trainingRecordCsv.base64, 'base64').toString('utf8').split(/\r?\n/);
    expect(lines[0]).toMatch(/,Certificate code$/);
    expect(lines[1]).toMatch(new RegExp(`,${dashed(cert!.code)}$`));
  });

  it('revokes on a correction (reason to the holder, date on the page), and a restoring correction issues a new one naming the old', async () => {
    const { ada, part, trainerCookie, eventId } = await attended();
    await signOff(trainerCookie, part.id);
    const [first] = await certificatesOf(ada.id);

    at(part.startsAt, 2 * DAY);
    const revokedEvent = await marked(ctx.coordinator, {
      partId: part.id,
      bookingId: ada.id,
      mark: AttendanceMark.DID_NOT_ATTEND,
      basedOnEventId: eventId,
      reason: 'Signed in for a colleague who was not there',
    });
    const [revoked, ...none] = await certificatesOf(ada.id);
    expect(none).toEqual([]);
    expect(revoked).toMatchObject({ id: first!.id, status: 'REVOKED', revokedReason: 'Signed in for a colleague who was not there' });
    expect(revoked!.revokedAt!.getTime()).toBe(part.startsAt.getTime() + 2 * DAY);
    const mail = await mailOf(ada.person.id);
    expect(mail.map((m) => m.kind)).toEqual([MailKind.CERTIFICATE_ISSUED, MailKind.CERTIFICATE_REVOKED]);
    expect(mail[1]!.text).toContain('Signed in for a colleague who was not there');
    const page = await verify(first!.code);
    expect(page.certificate).toMatchObject({ status: CertificateStatus.REVOKED, revokedOn: londonParts(revoked!.revokedAt!).date });
    expect(JSON.stringify(page)).not.toContain('colleague'); // the reason may be personal: never on the public page

    at(part.startsAt, 3 * DAY);
    await marked(ctx.coordinator, {
      partId: part.id,
      bookingId: ada.id,
      mark: AttendanceMark.PRESENT,
      basedOnEventId: revokedEvent,
      reason: 'The trainer confirmed she was there',
    });
    const [old, next] = await certificatesOf(ada.id);
    expect(old).toMatchObject({ id: first!.id, status: 'REVOKED' });
    expect(old!.supersededBy!.id).toBe(next!.id);
    expect(next).toMatchObject({ status: 'VALID', holderName: 'Ada Lovelace' });
    expect(next!.replaces!.id).toBe(first!.id);
    expect(next!.code).not.toBe(first!.code);
    expect((await verify(next!.code)).certificate!.status).toBe(CertificateStatus.VALID);
    expect((await mailOf(ada.person.id)).map((m) => m.kind)).toEqual([
      MailKind.CERTIFICATE_ISSUED,
      MailKind.CERTIFICATE_REVOKED,
      MailKind.CERTIFICATE_ISSUED,
    ]);
  });

  it('supersedes a certificate when a correction changes the hours it prints, and says so on the old one', async () => {
    const { ada, part, trainerCookie, eventId } = await attended();
    await signOff(trainerCookie, part.id);
    const [first] = await certificatesOf(ada.id);
    at(part.startsAt, 2 * DAY);
    await marked(ctx.coordinator, {
      partId: part.id,
      bookingId: ada.id,
      mark: AttendanceMark.LEFT_EARLY,
      minutes: 60,
      basedOnEventId: eventId,
      reason: 'She left at the break',
    });
    const [old, next] = await certificatesOf(ada.id);
    expect(old).toMatchObject({ id: first!.id, status: 'SUPERSEDED', minutes: 180 });
    expect(old!.supersededBy!.id).toBe(next!.id);
    expect(next).toMatchObject({ status: 'VALID', minutes: 120 });
    expect(next!.replaces!.id).toBe(first!.id);
    const page = await verify(first!.code);
    expect(page.certificate).toMatchObject({ status: CertificateStatus.SUPERSEDED, supersededOn: londonParts(next!.issuedAt).date });
    expect(JSON.stringify(page)).not.toContain(next!.code); // no hint of other codes
  });

  it('answers expired from the London date the course validity ends, and refuses malformed and unknown codes plainly', async () => {
    const { ada, part, trainerCookie } = await attended(1);
    await signOff(trainerCookie, part.id);
    const [cert] = await certificatesOf(ada.id);
    at(new Date(`${cert!.expiresOn}T12:00:00Z`));
    expect((await verify(cert!.code)).certificate).toMatchObject({ status: CertificateStatus.EXPIRED, expiresOn: cert!.expiresOn });
    at(new Date(new Date(`${cert!.expiresOn}T12:00:00Z`).getTime() - DAY));
    expect((await verify(cert!.code)).certificate!.status).toBe(CertificateStatus.VALID);

    const malformed = await verify('not a code');
    expect(malformed).toEqual({
      code: null,
      problem: 'Enter the code as it is printed on the certificate, for example 7KQ2-M9XD-4HPA-T6WN-3RBE',
      certificate: null,
    });
    const unknown = await verify('0000-0000-0000-0000-0000');
    expect(unknown).toEqual({ code: '0000-0000-0000-0000-0000', problem: 'No certificate has this code', certificate: null });
    const tooLong = await gql(ctx.api.url, VERIFY, { code: 'x'.repeat(101) });
    expect(tooLong.errors?.[0]?.message).toContain('Enter the code as it is printed on the certificate');
  });

  it('gives the PDF (tagged, with the name and code) to the holder, coordinators and their agency lead, and nobody else', async () => {
    const { ada, part, trainerCookie } = await attended();
    await signOff(trainerCookie, part.id);
    const [cert] = await certificatesOf(ada.id);
    const em = ctx.em();
    const password = 'certificate-tests-password';
    const hashed = await aPerson(em, { password });
    await em.nativeUpdate(Person, { id: ada.person.id }, { passwordHash: hashed.passwordHash });
    const holder = await signInAs(ctx.api.url, { email: ada.person.email, password });

    const res = await gql<{ certificatePdf: { fileName: string; base64: string } }>(ctx.api.url, PDF, { id: cert!.id }, holder);
    expect(res.errors).toBeUndefined();
    expect(res.data!.certificatePdf.fileName).toMatch(/^Certificate .+\.pdf$/);
    const bytes = Buffer.from(res.data!.certificatePdf.base64, 'base64');
    const pdf = readPdf(bytes);
    const markInfo = /\/MarkInfo (\d+) 0 R/.exec(pdf.catalog)![1];
    expect(bytes.toString('latin1')).toMatch(new RegExp(`\\n${markInfo} 0 obj\\s*<<\\s*/Marked true`));
    expect(pdf.catalog).toContain('/StructTreeRoot');
    expect(pdf.catalog).toMatch(/\/Lang\s*\(en-GB\)/);
    expect(pdf.title).toContain('Ada Lovelace');
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pageSizes[0]![0]).toBeGreaterThan(pdf.pageSizes[0]![1]); // landscape
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    expect(pdf.pages[0]).toContain('Ada Lovelace');
    expect(pdf.pages[0]).toContain(`Certificate code: ${dashed(cert!.code)}`);
    expect(pdf.structure).toMatchObject({ H1: 1, Figure: 1 });
    expect(pdf.alts[0]).toContain(`/verify/${dashed(cert!.code)}`);

    const mine = await gql<{ myCertificates: { id: string; code: string; status: string; pdfPath: string }[] }>(
      ctx.api.url,
      MINE,
      {},
      holder,
    );
    expect(mine.data!.myCertificates).toEqual([
      expect.objectContaining({
        id: cert!.id,
        code: dashed(cert!.code),
        status: 'VALID',
        pdfPath: `/certificates/${cert!.id}/certificate.pdf`,
      }),
    ]);

    const asCoordinator = await gql(ctx.api.url, PDF, { id: cert!.id }, ctx.coordinator);
    expect(asCoordinator.errors).toBeUndefined();
    const lead = await aPerson(em, { roles: [Role.PRACTITIONER, Role.AGENCY_LEAD], agency: ada.agency!, password });
    expect(
      (await gql(ctx.api.url, PDF, { id: cert!.id }, await signInAs(ctx.api.url, { email: lead.email, password }))).errors,
    ).toBeUndefined();

    const other = await aPerson(em, { password });
    const otherLead = await aPerson(em, { roles: [Role.PRACTITIONER, Role.AGENCY_LEAD], agency: await anAgency(em), password });
    for (const someone of [other, otherLead]) {
      const refused = await gql(ctx.api.url, PDF, { id: cert!.id }, await signInAs(ctx.api.url, { email: someone.email, password }));
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(refused.data).toBeNull();
    }
    expect((await gql(ctx.api.url, PDF, { id: cert!.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the certificates of an account merged into another (they follow the person, and still verify)', async () => {
    const { ada, part, trainerCookie } = await attended();
    await signOff(trainerCookie, part.id);
    const [cert] = await certificatesOf(ada.id);
    const keep = await aPerson(ctx.em(), { name: 'Ada Lovelace' });
    const merged = await gql(
      ctx.api.url,
      `mutation($keepId: ID!, $mergeId: ID!) { mergePeople(keepId: $keepId, mergeId: $mergeId) { id } }`,
      { keepId: keep.id, mergeId: ada.person.id },
      ctx.coordinator,
    );
    expect(merged.errors).toBeUndefined();
    const after = await ctx.em().findOneOrFail(Certificate, cert!.id, { populate: ['completion'] });
    expect(after.person.id).toBe(keep.id);
    expect(after.completion.person.id).toBe(keep.id);
    expect((await verify(cert!.code)).certificate!.status).toBe(CertificateStatus.VALID);
  });
});
