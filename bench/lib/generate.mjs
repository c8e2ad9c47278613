// A decade of a large county's training, written straight into a migrated database with set-based SQL
// (`insert ... select ... from generate_series`), so a million bookings take minutes: agencies in every
// sector, priority areas, courses, venues, trainers and practitioners; sessions over ten years (some
// multi-day, some cancelled, every season incl. the clock-change weeks) with their parts and trainers;
// bookings (confirmed, cancelled early and late, moved out, waiting, walk-ins) with their booking events;
// for sessions delivered more than a week ago the register marks, the decided outcomes, the
// non-attendance charges, the training completions (with three mandatory requirements) and the survey
// invitations and responses (end of course anonymous; 6 and 12 months and the line manager's named).
//
// Deterministic: every id and every choice comes from md5 of the seed and the row's number (no random()),
// so the same sizes, seed and day give the same rows. Rows keep the app's invariants: confirmed places
// never exceed a session's capacity, one live booking per person and session, outcomes only for delivered
// sessions, charges only for non-attendance, a response's identity as its template's mode says.

/** The sectors, priority areas and course shapes the generated county has. */
const AREAS = [
  'Neglect',
  'Domestic abuse',
  'Child exploitation',
  'Early help',
  'Mental health',
  'Online safety',
  'Child protection processes',
  'Harmful sexual behaviour',
];
const FORMATS = ['FACE_TO_FACE', 'FACE_TO_FACE', 'FACE_TO_FACE', 'VIRTUAL', 'VIRTUAL', 'LEARNING_CIRCLE', 'BRIEFING', 'CONFERENCE'];

/** Checks the sizes: each session takes at most `people` bookings, one per person. */
export function checkSizes({ people, sessions, bookings, seed }) {
  const problems = [];
  for (const [name, v] of Object.entries({ people, sessions, bookings, seed })) {
    if (!Number.isInteger(v) || v < (name === 'seed' ? 0 : 1)) {
      problems.push(`${name} must be a whole number${name === 'seed' ? '' : ' of at least 1'} (it is ${v})`);
    }
  }
  if (!problems.length && Math.ceil(bookings / sessions) > people - 50) {
    problems.push(`${bookings} bookings over ${sessions} sessions is more than one booking per person and session: add people or sessions`);
  }
  if (!problems.length && people % 104729 === 0) {
    problems.push('people must not be a multiple of 104729');
  }
  return problems;
}

/**
 * Fills the database `db` (a connected pg client) with `people` practitioners, `sessions` sessions and
 * `bookings` bookings over the ten years up to `today` (a 'YYYY-MM-DD', default today in UTC), and the
 * rows that follow from them. Adds to what is there (its ids are its own). `log` hears each step.
 */
export async function generate(db, { people, sessions, bookings, seed = 1, today, log = () => {} }) {
  const problems = checkSizes({ people, sessions, bookings, seed });
  if (problems.length) {
    throw new Error(problems.join('; '));
  }
  const day = today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    throw new Error(`today must be a date like 2026-12-02 (it is ${day})`);
  }
  const P = people;
  const S = sessions;
  const B = bookings;
  const A = Math.max(13, Math.min(260, Math.round(P / 200))); // agencies: at least one in every sector
  const C = Math.max(8, Math.min(120, Math.round(S / 300))); // courses
  const T = Math.max(2, Math.min(60, Math.round(S / 700))); // trainers (the first people)
  const V = 12; // venues
  const k = (what, n) => `md5('${seed}:${what}:' || ${n})::uuid`; // a generated row's id
  const r = (what, n) => `pg_temp.gr('${seed}:${what}:' || ${n})`; // a number in [0, 1) for a row
  const step = async (what, sql) => {
    const began = Date.now();
    const res = [await db.query(sql)].flat().at(-1); // of several statements, the last one's rows
    log(`${what}: ${res.rowCount ?? 0} rows in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  };

  await db.query(`set synchronous_commit = off`);
  // Foreign keys are checked row by row by triggers, which would take most of the time: a superuser skips
  // them (every id here is made to match; the generator's spec checks that none is dangling).
  await db.query(`set session_replication_role = replica`).catch(() => log('not a superuser: foreign keys checked row by row (slower)'));
  await db.query(`create or replace function pg_temp.gr(key text) returns float8 language sql immutable
    as $$ select ('x' || substr(md5(key), 1, 8))::bit(32)::bigint / 4294967296.0 $$`);

  await step(
    'agencies',
    `insert into agency (id, name, sector, approval_exempt, statutory_partner)
     select ${k('agency', 'i')}, initcap(replace(sector::text, '_', ' ')) || ' agency ' || (i / 13 + 1) || ' (generated ${seed})', sector,
            ${r('agency-exempt', 'i')} < 0.3, sector in ('CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE', 'EDUCATION')
       from generate_series(0, ${A - 1}) i, lateral (select (enum_range(null::agency_sector))[1 + i % 13] as sector) x`,
  );
  await step(
    'people',
    `insert into person (id, name, email, job_title, agency_id, roles, status, email_verified_at, created_at)
     select ${k('person', 'i')}, 'Generated Person ' || i, 'gen${seed}-' || lpad(i::text, 6, '0') || '@generated.example',
            case when i < ${T} then 'Trainer' else 'Practitioner' end,
            case when ${r('person-agency', 'i')} < 0.01 then null else ${k('agency', `floor(${r('person-agency-n', 'i')} * ${A})::int`)} end,
            case when i < ${T} then '{PRACTITIONER,TRAINER}'::person_role[] else '{PRACTITIONER}'::person_role[] end,
            'ACTIVE', '${day}'::date - 3700, '${day}'::date - 3700
       from generate_series(0, ${P - 1}) i`,
  );
  await step(
    'priority areas',
    `insert into priority_area (id, name)
     select ${k('area', 'i')}, (array['${AREAS.join("','")}'])[i + 1] || ' (generated ${seed})' from generate_series(0, ${AREAS.length - 1}) i`,
  );
  await step(
    'courses',
    `insert into course (id, title, summary, learning_outcomes, priority_area_id, level, format, duration_minutes, partly_attended_completes, created_at)
     select ${k('course', 'i')}, 'Generated course ' || (i + 1) || ' (' || (array['${AREAS.join("','")}'])[i % ${AREAS.length} + 1] || ')',
            'A course made by the data generator.', '{"Recognise the signs","Know how to refer"}',
            ${k('area', `i % ${AREAS.length}`)}, 1 + i % 4, ((array['${FORMATS.join("','")}'])[1 + i % ${FORMATS.length}])::course_format,
            case when i % 3 = 0 then 360 else 180 end, i % 5 = 0, '${day}'::date - 3700
       from generate_series(0, ${C - 1}) i`,
  );
  await step(
    'venues',
    `insert into venue (id, name, address) select ${k('venue', 'i')}, 'Generated venue ' || (i + 1), (i + 1) || ' Training Street, Countytown'
       from generate_series(0, ${V - 1}) i`,
  );

  // Sessions, spread evenly over ten years back to three months ahead; 12% over two days, 3% over three
  // weeks; 4% cancelled; local start times (London), so the instants move with the clocks.
  await db.query(`drop table if exists pg_temp.gen_session`);
  await step(
    'sessions (plan)',
    `create temp table gen_session as
     select n, ${k('session', 'n')} as id, ${k('course', `floor(${r('session-course', 'n')} * ${C})::int`)} as course_id,
            ('${day}'::date - 3650 + floor((n + ${r('session-day', 'n')}) * 3740.0 / ${S})::int) as first_day,
            case when ${r('session-time', 'n')} < 0.7 then time '09:30' else time '13:30' end as at_time,
            case when ${r('session-parts', 'n')} < 0.03 then 3 when ${r('session-parts', 'n')} < 0.15 then 2 else 1 end as parts,
            case when ${r('session-parts', 'n')} < 0.03 then 7 else 1 end as gap_days,
            12 + floor(${r('session-capacity', 'n')} * 29)::int as capacity,
            ${r('session-cancelled', 'n')} < 0.04 as cancelled
       from generate_series(0, ${S - 1}) n`,
  );
  await db.query(`alter table gen_session add column starts_at timestamptz, add column ends_at timestamptz, add column minutes int`);
  await db.query(`update gen_session g set minutes = c.duration_minutes,
     starts_at = (g.first_day + g.at_time) at time zone 'Europe/London',
     ends_at = (g.first_day + (g.parts - 1) * g.gap_days + g.at_time) at time zone 'Europe/London' + c.duration_minutes * interval '1 minute'
     from course c where c.id = g.course_id`);
  await db.query(`alter table gen_session add column delivered boolean, add column decided boolean`);
  await db.query(
    `update gen_session set delivered = not cancelled and starts_at <= now(), decided = not cancelled and ends_at <= now() - interval '7 days'`,
  );
  await db.query(`create unique index on gen_session (n)`);
  await db.query(`analyze gen_session`);
  await step(
    'sessions',
    `insert into session (id, course_id, venue_id, online_url, capacity, status, starts_at, ends_at, cancelled_at, cancellation_reason)
     select g.id, g.course_id, ${k('venue', `n % ${V}`)}, case when c.format = 'VIRTUAL' then 'https://meet.example/' || n end, g.capacity,
            case when g.cancelled then 'CANCELLED' else 'SCHEDULED' end::session_status, g.starts_at, g.ends_at,
            case when g.cancelled then g.starts_at - interval '10 days' end, case when g.cancelled then 'Trainer unavailable' end
       from gen_session g join course c on c.id = g.course_id`,
  );
  await step(
    'session parts',
    `insert into session_part (id, session_id, starts_at, ends_at)
     select ${k('part', `g.n || ':' || p`)}, g.id,
            (g.first_day + p * g.gap_days + g.at_time) at time zone 'Europe/London',
            (g.first_day + p * g.gap_days + g.at_time) at time zone 'Europe/London' + g.minutes * interval '1 minute'
       from gen_session g cross join lateral generate_series(0, g.parts - 1) p`,
  );
  await step(
    'session trainers',
    `insert into session_trainer (session_id, person_id) select id, ${k('person', `n % ${T}`)} from gen_session`,
  );

  // Bookings: the i-th goes to session i % S as its (i / S)-th booking, made by a person that no other
  // booking of the session has (a stride coprime with the people). The first `capacity` of a session are
  // its places (confirmed, walked in, cancelled early or late, moved out), the rest waited.
  await db.query(`drop table if exists pg_temp.gen_booking`);
  await step(
    'bookings (plan)',
    `create temp table gen_booking as
     select b.*, ${k('person', 'b.p')} as person_id,
            case when s.cancelled then 'session-cancelled'
                 when b.seq >= s.capacity then case when not s.delivered then 'waiting' when b.x < 0.5 then 'expired' else 'left-list' end
                 when b.x < 0.02 and s.delivered then 'walk-in'
                 when b.x < 0.08 then 'cancelled'
                 when b.x < 0.115 then 'cancelled-late'
                 when b.x < 0.125 then 'moved-out'
                 when b.x < 0.155 then 'from-list'
                 else 'confirmed' end as kind,
            s.id as session_id, s.starts_at, s.ends_at, s.decided, s.parts, s.minutes, s.n as session_n
       from (select i, i % ${S} as sn, i / ${S} as seq, ((i % ${S})::bigint * 7919 + (i / ${S})::bigint * 104729) % ${P} as p,
                    ${r('booking', 'i')} as x, ${r('booking-outcome', 'i')} as y
               from generate_series(0, ${B - 1}) i) b
       join gen_session s on s.n = b.sn`,
  );
  await db.query(`alter table gen_booking add column id uuid, add column agency_id uuid, add column outcome course_outcome`);
  await db.query(`update gen_booking g set id = ${k('booking', 'g.i')}, agency_id = p.agency_id,
     outcome = case when not g.decided then null
                    when g.kind = 'cancelled-late' then 'LATE_CANCELLATION'
                    when g.kind not in ('confirmed', 'walk-in', 'from-list') then null
                    when g.kind = 'walk-in' or g.y < 0.80 then 'ATTENDED'
                    when g.y < 0.85 then 'PARTLY_ATTENDED' when g.y < 0.91 then 'ABSENT_WITH_APOLOGY' else 'DID_NOT_ATTEND' end::course_outcome
     from person p where p.id = g.person_id`);
  await db.query(`analyze gen_booking`);
  await step(
    'bookings',
    `insert into booking (id, session_id, person_id, agency_id, status, walk_in, waitlisted_at, cancelled_at, late_cancellation, created_at, updated_at)
     select id, session_id, person_id, agency_id,
            case when kind in ('confirmed', 'walk-in', 'from-list') then 'CONFIRMED' when kind = 'waiting' then 'WAITLISTED'
                 when kind = 'expired' then 'EXPIRED' else 'CANCELLED' end::booking_status,
            kind = 'walk-in',
            case when kind in ('waiting', 'expired', 'left-list', 'from-list') then starts_at - interval '20 days' end,
            case when kind in ('cancelled', 'moved-out', 'left-list') then starts_at - interval '12 days'
                 when kind = 'cancelled-late' then starts_at - interval '1 day' when kind = 'session-cancelled' then starts_at - interval '10 days' end,
            kind = 'cancelled-late',
            case when kind = 'walk-in' then starts_at else starts_at - interval '30 days' end,
            case when kind = 'walk-in' then starts_at else starts_at - interval '1 day' end
       from gen_booking`,
  );
  await step(
    'booking events',
    `insert into booking_event (id, booking_id, at, action, from_status, to_status)
     select ${k('event', `i || ':0'`)}, id, case when kind = 'walk-in' then starts_at else starts_at - interval '30 days' end,
            case when kind = 'walk-in' then 'walked-in' else 'booked' end, null,
            case when kind in ('waiting', 'expired', 'left-list', 'from-list') then 'WAITLISTED' else 'CONFIRMED' end::booking_status
       from gen_booking
     union all
     select ${k('event', `i || ':1'`)}, id, starts_at - interval '12 days',
            case kind when 'from-list' then 'offer-accepted' when 'cancelled-late' then 'cancelled-late' when 'expired' then 'offer-expired'
                      else kind end,
            case when kind in ('from-list', 'expired', 'left-list') then 'WAITLISTED' else 'CONFIRMED' end::booking_status,
            case when kind in ('from-list') then 'CONFIRMED' when kind = 'expired' then 'EXPIRED' else 'CANCELLED' end::booking_status
       from gen_booking where kind not in ('confirmed', 'walk-in', 'waiting')`,
  );
  await step(
    'register marks',
    `insert into attendance_event (id, part_id, booking_id, mark, minutes, source, client_id, at, recorded_at)
     select ${k('mark', `b.i || ':' || pt`)}, ${k('part', `b.session_n || ':' || pt`)}, b.id,
            case when b.outcome = 'ATTENDED' then 'PRESENT' when b.outcome = 'PARTLY_ATTENDED' and pt = b.parts - 1 then 'LEFT_EARLY'
                 when b.outcome = 'PARTLY_ATTENDED' then 'PRESENT' else b.outcome::text end::attendance_mark,
            case when b.outcome = 'PARTLY_ATTENDED' and pt = b.parts - 1 then b.minutes / 2
                 when b.outcome in ('ATTENDED', 'PARTLY_ATTENDED') then b.minutes else 0 end,
            'TRAINER', ${k('client', 'b.session_n')}, b.starts_at, b.ends_at
       from gen_booking b cross join lateral generate_series(0, b.parts - 1) pt
      where b.outcome is not null and b.outcome <> 'LATE_CANCELLATION'`,
  );
  await step(
    'attendance outcomes',
    `insert into attendance_outcome (booking_id, session_id, person_id, agency_id, outcome, minutes_attended, minutes_scheduled, decided_at)
     select id, session_id, person_id, agency_id, outcome,
            case outcome when 'ATTENDED' then minutes * parts when 'PARTLY_ATTENDED' then minutes * parts - minutes / 2 else 0 end,
            minutes * parts, ends_at + interval '1 day'
       from gen_booking where outcome is not null`,
  );
  await step(
    'non-attendance charges',
    `insert into non_attendance_charge (id, booking_id, session_id, person_id, agency_id, outcome, agency_type, days, per_day_pence, amount_pence,
                                        rule, charged_at, status, status_reason, status_changed_at)
     select ${k('charge', 'b.i')}, b.id, b.session_id, b.person_id, b.agency_id, b.outcome,
            case when a.statutory_partner then 'STATUTORY_PARTNER' else a.sector::text end, b.parts, 7500, 7500 * b.parts,
            '£75 a day (generated)', b.ends_at + interval '1 day',
            case when b.y > 0.985 then 'WAIVED' else 'CHARGED' end::charge_status,
            case when b.y > 0.985 then 'Illness (generated)' end, case when b.y > 0.985 then b.ends_at + interval '5 days' end
       from gen_booking b join agency a on a.id = b.agency_id
      where b.outcome in ('DID_NOT_ATTEND', 'LATE_CANCELLATION')`,
  );
  await step(
    'training completions',
    `insert into training_completion (id, person_id, source, course_id, booking_id, session_id, outcome, title, level, priority_area_id, minutes,
                                      started_on, completed_on, agency_id, recorded_at)
     select ${k('completion', 'b.i')}, b.person_id, 'SESSION', c.id, b.id, b.session_id, b.outcome, c.title, c.level, c.priority_area_id,
            case b.outcome when 'ATTENDED' then b.minutes * b.parts else b.minutes * b.parts - b.minutes / 2 end,
            (b.starts_at at time zone 'Europe/London')::date, (b.ends_at at time zone 'Europe/London')::date, b.agency_id, b.ends_at + interval '1 day'
       from gen_booking b join gen_session s on s.n = b.session_n join course c on c.id = s.course_id
      where b.outcome = 'ATTENDED' or (b.outcome = 'PARTLY_ATTENDED' and c.partly_attended_completes)`,
  );
  // Mandatory training: level 1 awareness for everyone in an agency (every three years), level 3 for the
  // statutory partners' sectors (every two years, learning elsewhere at level 3 counts), and the trainers' own
  await step(
    'mandatory requirements',
    `insert into mandatory_requirement (id, name, roles, agency_ids, sectors, course_ids, external_min_level, validity_months, new_starter_months,
                                        refresher_months, created_at, updated_at)
     select ${k('requirement', 'x.n')}, x.name || ' (generated ${seed})', x.roles::person_role[], '{}',
            coalesce(x.sectors::agency_sector[], enum_range(null::agency_sector)),
            array(select ${k('course', 'i')} from generate_series(0, ${C - 1}) i where 1 + i % 4 = any(x.levels)),
            x.external, x.validity, 6, 3, '${day}'::date - 3700, '${day}'::date - 3700
       from (values (0, 'Safeguarding awareness, level 1', '{}', null, '{1}'::int[], null::int, 36),
                    (1, 'Safeguarding, level 3', '{}', '{CHILDRENS_SOCIAL_CARE,HEALTH,POLICE,EDUCATION}', '{3,4}'::int[], 3, 24),
                    (2, 'Trainers: safeguarding, level 2', '{TRAINER}', '{}', '{2}'::int[], null::int, 12)) x(n, name, roles, sectors, levels, external, validity)`,
  );
  await surveys(db, { k, r, step, seed, day });
}

/** One template per stage and audience (end of course anonymous, the rest named), then invitations and responses. */
async function surveys(db, { k, r, step, seed, day }) {
  const forms = [
    ['END_OF_COURSE', 'ATTENDEE', 'ANONYMOUS', 'REACTION', 0, 1],
    ['SIX_MONTHS', 'ATTENDEE', 'IDENTIFIED', 'BEHAVIOUR', 6, 0.5],
    ['TWELVE_MONTHS', 'ATTENDEE', 'IDENTIFIED', 'BEHAVIOUR', 12, 0.3],
    ['SIX_MONTHS', 'LINE_MANAGER', 'IDENTIFIED', 'BEHAVIOUR', 6, 0.2],
  ];
  for (const [i, [stage, audience, mode, measures]] of forms.entries()) {
    const questions = JSON.stringify([
      {
        id: 'q1',
        kind: 'RATING',
        text: 'How useful was the course?',
        required: true,
        measures,
        perOutcome: false,
        lowLabel: 'Not useful',
        highLabel: 'Very useful',
      },
    ]);
    await db.query(`insert into survey_template (id, name, stage, audience) values (${k('template', i)}, $1, $2, $3)`, [
      `Generated ${stage.toLowerCase().replace('_', ' ')} ${audience.toLowerCase().replace('_', ' ')} survey (${seed})`,
      stage,
      audience,
    ]);
    await db.query(
      `insert into survey_template_version (id, template_id, version, mode, questions, created_at)
       values (${k('template-version', i)}, ${k('template', i)}, 1, $1, $2, '${day}'::date - 3700)`,
      [mode, questions],
    );
  }
  // Invited: every attended place for the end of course, a share for the later stages; due the stage's
  // months after the session, and only when that day has passed.
  const values = forms
    .map(([stage, audience, , , months, share], i) => `(${i}, '${stage}', '${audience}', ${months}, ${share})`)
    .join(', ');
  await db.query(`drop table if exists pg_temp.gen_invitation`);
  await step(
    'survey invitations (plan)',
    `create temp table gen_invitation as
     select ${k('invitation', `b.i || ':' || f.n`)} as id, b.i, f.n, b.id as booking_id, b.session_id, b.person_id, b.agency_id, f.stage, f.audience,
            b.ends_at + f.months * interval '1 month' as created_at, ${r('answered', `b.i || ':' || f.n`)} as z,
            s.course_id, to_char(b.starts_at at time zone 'Europe/London', 'YYYY-MM') as session_month
       from gen_booking b
       join gen_session s on s.n = b.session_n
       cross join (values ${values}) f(n, stage, audience, months, share)
      where b.outcome in ('ATTENDED', 'PARTLY_ATTENDED') and ${r('invited', `b.i || ':' || f.n`)} < f.share
        and b.ends_at + f.months * interval '1 month' <= now()`,
  );
  await step(
    'survey invitations',
    `insert into survey_invitation (id, booking_id, session_id, stage, audience, person_id, manager_email, template_version_id, status,
                                    created_at, expires_at, submitted_at, closed_at)
     select id, booking_id, session_id, stage::survey_stage, audience::survey_audience, person_id,
            case when audience = 'LINE_MANAGER' then 'manager-' || i || '@generated.example' end, ${k('template-version', 'n')},
            case when z < 0.6 then 'SUBMITTED' when created_at + interval '28 days' < now() then 'CLOSED' else 'OPEN' end::survey_invitation_status,
            created_at, created_at + interval '28 days',
            case when z < 0.6 then created_at + interval '3 days' end,
            case when z >= 0.6 and created_at + interval '28 days' < now() then created_at + interval '28 days' end
       from gen_invitation`,
  );
  await step(
    'survey responses',
    `insert into survey_response (id, template_version_id, stage, audience, course_id, session_month, agency_sector, identified, invitation_id,
                                  person_id, session_id, booking_id, submitted_at, submitted_month, answers)
     select ${k('response', `g.i || ':' || g.n`)}, ${k('template-version', 'g.n')}, g.stage::survey_stage, g.audience::survey_audience, g.course_id,
            g.session_month, a.sector, g.n > 0, case when g.n > 0 then g.id end, case when g.n > 0 then g.person_id end,
            case when g.n > 0 then g.session_id end, case when g.n > 0 then g.booking_id end,
            case when g.n > 0 then g.created_at + interval '3 days' end,
            to_char((g.created_at + interval '3 days') at time zone 'Europe/London', 'YYYY-MM'),
            jsonb_build_array(jsonb_build_object('questionId', 'q1', 'outcomeIndex', null, 'value', 1 + floor(g.z / 0.6 * 5)::int))
       from gen_invitation g left join agency a on a.id = g.agency_id
      where g.z < 0.6`,
  );
  await db.query(`drop table if exists pg_temp.gen_invitation, pg_temp.gen_booking, pg_temp.gen_session`);
  await db.query(`reset session_replication_role`).catch(() => {});
  // what the triggers keep for the reports, afresh (the load skipped them): bookings' history flags, then the place
  // counts per session and agency
  await step('booking history flags', `select booking_history_flags_rebuild(); select 1 from booking where ever_waitlisted`);
  await step('report place totals', `select report_place_total_rebuild(); select 1 from report_place_total`);
  await db.query(`vacuum analyze`); // as autovacuum would: the reports read their indexes alone (visibility map)
}
