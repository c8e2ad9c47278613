import { buildReportFixture } from '../../test/report-fixture';
import { startTestApi, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';

/**
 * What the database keeps for the reports, by triggers. The place counts per session and agency that the reports add up (`report_place_total`) are kept by triggers on
 * bookings, outcomes and charges. After the report fixture (bookings, walk-ins, late cancellations, moves, registers
 * signed off and corrected, charges) and after every other kind of change a table can take, the rows the triggers
 * kept equal the rows `report_place_total_rebuild()` counts afresh from the tables. And each booking's history flags
 * (ever waited, ever held a place), which the waiting-list demand reads, follow its status.
 */

const ROWS = `select session_id, agency_id, booked, walk_ins, attended_fully, attended_fully_booked, attended_partly,
  attended_partly_booked, absent_with_apology, did_not_attend, late_cancellations, awaiting_register,
  charges_pence::int as charges_pence, waived_pence::int as waived_pence from report_place_total
  where (booked, walk_ins, attended_fully, attended_partly, absent_with_apology, did_not_attend, late_cancellations,
         awaiting_register, charges_pence, waived_pence) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  order by 1, 2`;

describe('what the database keeps for the reports (real PostgreSQL)', () => {
  let api: TestApi;
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    api.orm.em.getConnection().execute<T[]>(query, params);
  /** The rows the triggers kept, after checking they equal a fresh count (which then stands). */
  const expectKeptEqualsFresh = async () => {
    const kept = await sql(ROWS);
    await sql('select report_place_total_rebuild()');
    expect(kept).toEqual(await sql(ROWS));
    return kept;
  };
  /** A booking of the fixture with an outcome (and a charge, when asked), with its session and agency. */
  const aBooking = async (where: string) =>
    (
      await sql<{ id: string; session_id: string; agency_id: string | null }>(
        `select b.id, b.session_id, b.agency_id from booking b
           left join attendance_outcome o on o.booking_id = b.id
           left join non_attendance_charge ch on ch.booking_id = b.id
          where ${where} order by b.id limit 1`,
      )
    )[0]!;

  beforeAll(async () => {
    api = await startTestApi();
    api.app.get(Clock).fixAt(new Date('2026-04-10T12:00:00Z'));
    await buildReportFixture(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('after bookings, walk-ins, late cancellations, moves, registers signed off and corrected, and charges', async () => {
    const kept = await expectKeptEqualsFresh();
    // the fixture's four delivered sessions with places, and more than one agency on the first
    expect(new Set(kept.map((r) => r['session_id'])).size).toBeGreaterThanOrEqual(5);
    expect(kept.some((r) => Number(r['charges_pence']) > 0)).toBe(true);
  });

  it('after a charge is waived, changed, made void and removed', async () => {
    const charged = await aBooking(`ch.status = 'CHARGED'`);
    await sql(`update non_attendance_charge set status = 'WAIVED' where booking_id = ?`, [charged.id]);
    expect((await expectKeptEqualsFresh()).some((r) => Number(r['waived_pence']) > 0)).toBe(true);
    await sql(`update non_attendance_charge set amount_pence = amount_pence + 700 where booking_id = ?`, [charged.id]);
    await expectKeptEqualsFresh();
    await sql(`update non_attendance_charge set status = 'VOID' where booking_id = ?`, [charged.id]);
    await expectKeptEqualsFresh();
    const other = await aBooking(`ch.status = 'CHARGED'`);
    await sql(`delete from non_attendance_charge where booking_id = ?`, [other.id]);
    await expectKeptEqualsFresh();
  });

  it('after an outcome is corrected and removed', async () => {
    const attended = await aBooking(`o.outcome = 'ATTENDED'`);
    await sql(`update attendance_outcome set outcome = 'PARTLY_ATTENDED' where booking_id = ?`, [attended.id]);
    await expectKeptEqualsFresh();
    await sql(`update attendance_outcome set outcome = 'DID_NOT_ATTEND' where booking_id = ?`, [attended.id]);
    await expectKeptEqualsFresh();
    await sql(`delete from attendance_outcome where booking_id = ?`, [attended.id]);
    await expectKeptEqualsFresh();
  });

  it('after a place changes session, agency, walk-in or status, and when it is deleted with its outcome and charge', async () => {
    const place = await aBooking(`o.outcome = 'ATTENDED' and b.agency_id is not null`);
    const elsewhere = await aBooking(`b.session_id <> '${place.session_id}' and b.status = 'CONFIRMED'`);
    const agency = (
      await sql<{ id: string }>(`select id from agency where id is distinct from ? order by id limit 1`, [place.agency_id])
    )[0]!;
    for (const change of [
      [`update booking set agency_id = ? where id = ?`, [agency.id, place.id]],
      [`update booking set agency_id = null where id = ?`, [place.id]],
      [`update booking set walk_in = true where id = ?`, [place.id]],
      [`update booking set walk_in = false, session_id = ? where id = ?`, [elsewhere.session_id, place.id]],
      [`update booking set status = 'CANCELLED', late_cancellation = false where id = ?`, [place.id]],
      [`update booking set late_cancellation = true where id = ?`, [place.id]],
      [`update booking set status = 'CONFIRMED', late_cancellation = false where id = ?`, [place.id]],
    ] as const) {
      await sql(change[0], [...change[1]]);
      await expectKeptEqualsFresh();
    }
    const withCharge = await aBooking(`ch.status = 'CHARGED' and o.outcome is not null`);
    await sql(`delete from booking where id = ?`, [withCharge.id]);
    await expectKeptEqualsFresh();
  });

  it('keeps whether a booking ever waited and ever held a place, as its status changes, and they stay set', async () => {
    const flags = `select id, ever_waitlisted, ever_confirmed from booking order by id`;
    const kept = await sql(flags);
    await sql('select booking_history_flags_rebuild()');
    expect(kept).toEqual(await sql(flags)); // the fixture's bookings: as their events and statuses say
    const place = await aBooking(`b.status = 'CONFIRMED'`);
    const person = (await sql<{ id: string }>(`select person_id as id from booking where id = ?`, [place.id]))[0]!;
    const session = (await sql<{ id: string }>(`select id from session where id <> ? order by id limit 1`, [place.session_id]))[0]!;
    const [{ id }] = await sql<{ id: string }>(
      `insert into booking (id, session_id, person_id, status, waitlisted_at) values (gen_random_uuid(), ?, ?, 'WAITLISTED', now()) returning id`,
      [session.id, person.id],
    );
    const state = async () => (await sql(`select ever_waitlisted, ever_confirmed from booking where id = ?`, [id]))[0];
    expect(await state()).toEqual({ ever_waitlisted: true, ever_confirmed: false });
    await sql(`update booking set status = 'OFFERED', waitlisted_at = null where id = ?`, [id]);
    expect(await state()).toEqual({ ever_waitlisted: true, ever_confirmed: false });
    await sql(`update booking set status = 'CONFIRMED' where id = ?`, [id]);
    expect(await state()).toEqual({ ever_waitlisted: true, ever_confirmed: true });
    await sql(`update booking set status = 'CANCELLED', ever_waitlisted = false, ever_confirmed = false where id = ?`, [id]);
    expect(await state()).toEqual({ ever_waitlisted: true, ever_confirmed: true });
    const [{ id: late }] = await sql<{ id: string }>(
      `insert into booking (id, session_id, person_id, status, late_cancellation) values (gen_random_uuid(), ?, ?, 'CANCELLED', true) returning id`,
      [place.session_id, person.id],
    );
    expect((await sql(`select ever_waitlisted, ever_confirmed from booking where id = ?`, [late]))[0]).toEqual({
      ever_waitlisted: false,
      ever_confirmed: true,
    });
  });
});
