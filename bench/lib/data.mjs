// The bench's data, written straight into the database (fast): practitioners with live sign-in
// sessions (the cookie token's SHA-256 in auth_session, as AuthService.startSession stores it), and
// courses whose sessions have a venue and one part, open to everyone, no approval, no prerequisite.
import { createHash, randomBytes } from 'node:crypto';

export const hashToken = (token) => createHash('sha256').update(token).digest('hex');

/** An agency, a venue and `people` active practitioners, each signed in; returns their ids, emails and cookies. */
export async function createPeople(db, people) {
  const {
    rows: [agency],
  } = await db.query(
    `insert into agency (id, name, sector, approval_exempt) values (gen_random_uuid(), 'Bench agency', 'OTHER', true) returning id`,
  );
  const tokens = Array.from({ length: people }, () => randomBytes(32).toString('base64url'));
  const { rows } = await db.query(
    `insert into person (id, name, email, job_title, agency_id, roles, status)
     select gen_random_uuid(), 'Bench Practitioner ' || i, 'bench-' || lpad(i::text, 6, '0') || '@bench.example', 'Practitioner', $1,
            '{PRACTITIONER}', 'ACTIVE'
       from generate_series(1, $2) i
     returning id, email`,
    [agency.id, people],
  );
  rows.sort((a, b) => a.email.localeCompare(b.email));
  await db.query(
    `insert into auth_session (token_hash, person_id, created_at, expires_at, last_used_at, method)
     select h, p, now(), now() + interval '1 day', now(), 'PASSWORD' from unnest($1::text[], $2::uuid[]) as t(h, p)`,
    [tokens.map(hashToken), rows.map((r) => r.id)],
  );
  return rows.map((r, i) => ({ id: r.id, email: r.email, agencyId: agency.id, cookie: `lh_session=${tokens[i]}` }));
}

/** A course with `sessions` sessions of `places` places each, a month ahead; returns the session ids. */
export async function createCourse(db, title, sessions, places) {
  const {
    rows: [area],
  } = await db.query(`select id from priority_area order by id limit 1`);
  const areaId =
    area?.id ?? (await db.query(`insert into priority_area (id, name) values (gen_random_uuid(), 'Bench area') returning id`)).rows[0].id;
  const {
    rows: [venue],
  } = await db.query(`insert into venue (id, name, address) values (gen_random_uuid(), $1, '1 Bench Street, Benchtown') returning id`, [
    `${title} venue`,
  ]);
  const {
    rows: [course],
  } = await db.query(
    `insert into course (id, title, summary, learning_outcomes, priority_area_id, level, format, duration_minutes)
     values (gen_random_uuid(), $1, 'A course made by npm run bench.', '{"Book a place under load"}', $2, 1, 'FACE_TO_FACE', 180)
     returning id`,
    [title, areaId],
  );
  const { rows } = await db.query(
    `insert into session (id, course_id, venue_id, capacity, starts_at, ends_at)
     select gen_random_uuid(), $1, $2, $3, date_trunc('hour', now()) + interval '30 days' + i * interval '1 day',
            date_trunc('hour', now()) + interval '30 days 3 hours' + i * interval '1 day'
       from generate_series(1, $4) i
     returning id, starts_at, ends_at`,
    [course.id, venue.id, places, sessions],
  );
  await db.query(
    `insert into session_part (id, session_id, starts_at, ends_at) select gen_random_uuid(), id, starts_at, ends_at from session where course_id = $1`,
    [course.id],
  );
  return { courseId: course.id, sessionIds: rows.map((r) => r.id) };
}
