/**
 * Realistic demo data for Learning Hub: the "Northshire Safeguarding Children Partnership".
 *
 * Deterministic: a seeded PRNG (never Math.random) picks names, dates and bookings, so the same `now`
 * always gives the same people, sessions and bookings (only the UUIDs differ). Dates are relative to
 * `now`: about 18 sessions in the last 5 months, 8 from 7 to 13 months ago and 24 in the next 4. Everything is created with
 * em.create and written by a single flush.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import * as argon2 from 'argon2';
import { AgencySector, BookingStatus, CourseFormat, Role, SessionStatus, londonParts, londonToUtc, needsApproval } from '@lh/domain';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { PriorityArea } from '../catalogue/priority-area.entity';
import { Course } from '../catalogue/course.entity';
import { seedCourseStatuses } from './demo-course-status';
import { Venue } from '../scheduling/venue.entity';
import { Session } from '../scheduling/session.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Booking } from '../booking/booking.entity';
import demoAccounts from './demo-accounts.json';
import { seedDemoSingleSignOn } from './demo-sso';
import { seedDemoAgencies } from './demo-agencies';
import { seedDemoRegistration } from './demo-registration';
import { seedDemoPeople } from './demo-people';
import { seedDemoTrainers } from './demo-trainers';
import { seedDemoRegisters } from './demo-registers';
import { seedDemoMandatoryTraining } from './demo-mandatory-training';
import { seedDemoRecords } from './demo-records';
import { seedDemoSurveys } from './demo-surveys';

/** The demo sign-ins, shared with `npm start` (which prints them). */
export const DEMO_PASSWORD: string = demoAccounts.password;
export const DEMO_ACCOUNTS: { role: string; email: string }[] = demoAccounts.accounts;

export type DemoSummary = {
  priorityAreas: number;
  courses: number;
  venues: number;
  agencies: number;
  people: number;
  sessions: number;
  sessionParts: number;
  bookings: number;
};

const PRACTITIONER_COUNT = 200;
const SEED = 20260401;
const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness

type Rng = () => number;

/** mulberry32: a small, fast, seeded PRNG giving numbers in [0, 1). */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const intBetween = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

// ---------------------------------------------------------------------------------------------------
// London calendar dates ('YYYY-MM-DD')

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function dayOfWeek(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Bank holidays in England outside the Christmas closure: Easter, May and August. */
function isBankHoliday(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const easter = easterSunday(y);
  if (date === addDays(easter, -2) || date === addDays(easter, 1)) {
    return true;
  }
  if (dayOfWeek(date) !== 1) {
    return false;
  }
  const firstMonday = d <= 7;
  const lastMonday = d + 7 > new Date(Date.UTC(y, m, 0)).getUTCDate();
  return (m === 5 && (firstMonday || lastMonday)) || (m === 8 && lastMonday);
}

/** Monday to Friday, not a bank holiday, outside the Christmas and New Year closure (21 December to 2 January). */
function isWorkingDay(date: string): boolean {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) {
    return false;
  }
  if ((m === 12 && d >= 21) || (m === 1 && d <= 2)) {
    return false;
  }
  return !isBankHoliday(date);
}

function nextWorkingDay(date: string): string {
  let next = addDays(date, 1);
  while (!isWorkingDay(next)) {
    next = addDays(next, 1);
  }
  return next;
}

// ---------------------------------------------------------------------------------------------------
// Reference data

const PRIORITY_AREAS = {
  domesticAbuse: 'Domestic Abuse',
  neglect: 'Neglect',
  contextual: 'Contextual Safeguarding',
  online: 'Online Safety',
  slavery: 'Modern Day Slavery',
  gambling: 'Gambling Harm',
  curiosity: 'Professional Curiosity',
  additionalNeeds: 'Safeguarding children with additional needs',
  substances: 'Impact of parents using substances',
  csa: 'Child Sexual Abuse in the home environment',
  privateFostering: 'Private Fostering',
  wellbeing: 'Practitioner wellbeing',
  mentalHealth: "Children and young people's mental health",
} as const;
type AreaKey = keyof typeof PRIORITY_AREAS;

type AgencyKey =
  'csc' | 'earlyHelp' | 'police' | 'nhsTrust' | 'gp' | 'icb' | 'stMarys' | 'academy' | 'probation' | 'yjs' | 'housing' | 'cvs' | 'nursery';

/**
 * `practitioners` is how many of the 200 practitioners work there; titles repeat to weight them, and
 * titles in `single` go to one person at most.
 */
const AGENCIES: {
  key: AgencyKey;
  name: string;
  sector: AgencySector;
  practitioners: number;
  titles: string[];
  single?: string[];
}[] = [
  {
    key: 'csc',
    name: "Northshire Council Children's Social Care",
    sector: AgencySector.CHILDRENS_SOCIAL_CARE,
    practitioners: 28,
    single: ['Child Protection Chair'],
    titles: [
      'Social Worker',
      'Social Worker',
      'Social Worker',
      'Senior Social Worker',
      'Newly Qualified Social Worker (ASYE)',
      'Advanced Practitioner',
      'Team Manager, Children in Need',
      'Family Support Worker',
      'Independent Reviewing Officer',
      'Child Protection Chair',
    ],
  },
  {
    key: 'earlyHelp',
    name: 'Northshire Council Early Help',
    sector: AgencySector.EARLY_HELP,
    practitioners: 18,
    single: ['Early Help Coordinator'],
    titles: [
      'Early Help Practitioner',
      'Early Help Practitioner',
      'Family Support Worker',
      'Early Help Coordinator',
      'Parenting Practitioner',
      'Family Hub Worker',
    ],
  },
  {
    key: 'police',
    name: 'Northshire Constabulary',
    sector: AgencySector.POLICE,
    practitioners: 20,
    single: ['Missing from Home Coordinator', 'Schools Liaison Officer'],
    titles: [
      'Police Constable',
      'Police Constable',
      'Police Community Support Officer',
      'Detective Constable, Public Protection Unit',
      'Police Sergeant',
      'Missing from Home Coordinator',
      'Schools Liaison Officer',
    ],
  },
  {
    key: 'nhsTrust',
    name: 'Northshire Teaching Hospitals NHS Foundation Trust',
    sector: AgencySector.HEALTH,
    practitioners: 30,
    titles: [
      'Health Visitor',
      'Health Visitor',
      'Midwife',
      'Midwife',
      'School Nurse',
      'Community Nursery Nurse',
      'Paediatric Staff Nurse',
      'Emergency Department Nurse',
      'Safeguarding Nurse Specialist',
      'Family Nurse',
    ],
  },
  {
    key: 'gp',
    name: 'Northshire and District Primary Care (GP practices)',
    sector: AgencySector.HEALTH,
    practitioners: 12,
    single: ['Practice Manager'],
    titles: ['GP', 'GP', 'Practice Nurse', 'GP Safeguarding Lead', 'Practice Manager', 'Advanced Nurse Practitioner'],
  },
  {
    key: 'icb',
    name: 'Northshire Integrated Care Board',
    sector: AgencySector.HEALTH,
    practitioners: 5,
    single: ['Designated Nurse for Safeguarding Children', 'Named GP for Safeguarding'],
    titles: ['Designated Nurse for Safeguarding Children', 'Named GP for Safeguarding', 'Safeguarding Practitioner'],
  },
  {
    key: 'stMarys',
    name: "St Mary's Catholic Primary School",
    sector: AgencySector.EDUCATION,
    practitioners: 10,
    single: ['Designated Safeguarding Lead', 'Deputy Designated Safeguarding Lead', 'SENCo'],
    titles: [
      'Class Teacher',
      'Class Teacher',
      'Designated Safeguarding Lead',
      'Deputy Designated Safeguarding Lead',
      'Teaching Assistant',
      'SENCo',
      'Learning Mentor',
    ],
  },
  {
    key: 'academy',
    name: 'Northshire Academy Trust',
    sector: AgencySector.EDUCATION,
    practitioners: 22,
    titles: [
      'Designated Safeguarding Lead',
      'Deputy Designated Safeguarding Lead',
      'Head of Year',
      'Pastoral Manager',
      'Attendance Officer',
      'Teacher',
      'Teacher',
      'SENCo',
    ],
  },
  {
    key: 'probation',
    name: 'Probation Service North West',
    sector: AgencySector.PROBATION,
    practitioners: 10,
    titles: ['Probation Officer', 'Probation Officer', 'Probation Services Officer', 'Senior Probation Officer'],
  },
  {
    key: 'yjs',
    name: 'Northshire Youth Justice Service',
    sector: AgencySector.YOUTH_JUSTICE,
    practitioners: 10,
    titles: ['Youth Justice Officer', 'Youth Justice Officer', 'Case Manager', 'Substance Misuse Worker', 'Youth Worker'],
  },
  {
    key: 'housing',
    name: 'Northshire Homes (housing)',
    sector: AgencySector.HOUSING,
    practitioners: 12,
    titles: [
      'Housing Officer',
      'Housing Officer',
      'Tenancy Sustainment Officer',
      'Homelessness Prevention Officer',
      'Neighbourhood Officer',
    ],
  },
  {
    key: 'cvs',
    name: 'Northshire Council for Voluntary Service',
    sector: AgencySector.VOLUNTARY_AND_COMMUNITY,
    practitioners: 13,
    titles: [
      'Youth Worker',
      'Youth Worker',
      'Volunteer Coordinator',
      'Domestic Abuse Support Worker',
      'Community Development Worker',
      'Young Carers Worker',
    ],
  },
  {
    key: 'nursery',
    name: 'Little Acorns Nursery',
    sector: AgencySector.EARLY_YEARS,
    practitioners: 10,
    single: ['Nursery Manager', 'Nursery Deputy Manager'],
    titles: ['Early Years Practitioner', 'Early Years Practitioner', 'Room Leader', 'Nursery Manager', 'Nursery Deputy Manager'],
  },
];

type VenueKey = 'college' | 'civic' | 'hospital' | 'academy' | 'policeHq' | 'community';

const VENUES: Record<VenueKey, { name: string; address: string; accessibilityNotes: string }> = {
  college: {
    name: 'Northshire College, Room B12',
    address: 'Northshire College, Station Road, Northbridge, Northshire NB1 4QT',
    accessibilityNotes:
      'Step-free access through the main entrance; lift to the first floor. Hearing loop fitted in Room B12. ' +
      "Pay-and-display car park on site, free for Blue Badge holders. Five minutes' walk from Northbridge station.",
  },
  civic: {
    name: 'Civic Centre, Committee Room 2',
    address: 'Northbridge Civic Centre, Market Square, Northbridge, Northshire NB1 1AA',
    accessibilityNotes:
      'Step-free access from Market Square; Committee Room 2 is on the ground floor. Portable hearing loop ' +
      'available from reception. No parking on site: Castle Street multi-storey is 200 metres away. Accessible toilets on every floor.',
  },
  hospital: {
    name: 'Royal Northshire Hospital Education Centre',
    address: 'Education Centre (Gate 4), Royal Northshire Hospital, Moor Lane, Northbridge, Northshire NB3 7HW',
    accessibilityNotes:
      'Follow signs for the Education Centre from Gate 4. Step-free throughout, with hearing loops in all seminar rooms. ' +
      'Visitor parking in Car Park A (charges apply); Blue Badge bays beside the Education Centre.',
  },
  academy: {
    name: 'Northshire Academy, Main Hall',
    address: 'Northshire Academy, Holloway Lane, Northbridge, Northshire NB4 2RS',
    accessibilityNotes:
      'Sign in at main reception and wear a visitor lanyard. Step-free access to the hall, which has an induction loop. ' +
      'Large car park, available to visitors after 9:15am.',
  },
  policeHq: {
    name: 'Northshire Constabulary HQ, Training Suite 3',
    address: 'Police Headquarters, Ridgeway, Northbridge, Northshire NB2 9PX',
    accessibilityNotes:
      'Bring photo ID: all visitors are signed in and escorted. Step-free access and lift. Visitor parking at the front of the building. ' +
      'No fixed hearing loop: tell us in advance if you need one or a BSL interpreter.',
  },
  community: {
    name: 'Fenwick Community Centre',
    address: 'Fenwick Community Centre, 14 Fenwick Street, Northbridge, Northshire NB5 3EL',
    accessibilityNotes:
      'All rooms on the ground floor, step-free, with an accessible toilet and baby-changing. On-street parking; ' +
      'bus routes 12 and 14 stop outside. Tea and coffee provided.',
  },
};

type Audience = {
  weights: Partial<Record<AgencySector, number>>;
  others: number;
};
const OPEN_TO_ALL: Audience = { weights: {}, others: 1 };

type Slot = readonly [start: string, end: string];
const HALF_DAY: Slot[] = [
  ['09:30', '12:30'],
  ['13:30', '16:30'],
];
const FULL_DAY: Slot[] = [['09:30', '16:30']];
const NINETY_MINUTES: Slot[] = [
  ['10:00', '11:30'],
  ['14:00', '15:30'],
];

type CourseSpec = {
  title: string;
  area: AreaKey;
  level: number;
  format: CourseFormat;
  durationMinutes: number;
  summary: string;
  outcomes: string[];
  /** Usual capacity of one session. */
  capacity: number;
  /** Times of day a session runs (each part, for two-day courses). */
  slots: Slot[];
  venues: VenueKey[];
  audience: Audience;
};

type CourseKey =
  | 'daImpact'
  | 'daIntro'
  | 'daTeen'
  | 'dash'
  | 'daSpecialist'
  | 'daElearning'
  | 'neglect'
  | 'gcp2'
  | 'gcp2Revisit'
  | 'neglectCircle'
  | 'neglectPle'
  | 'contextual'
  | 'slavery'
  | 'online'
  | 'gambling'
  | 'curiosity'
  | 'conference'
  | 'privateFostering'
  | 'saferSleep'
  | 'substances'
  | 'additionalNeeds'
  | 'csa'
  | 'resilience'
  | 'ymhfa';

const COURSES: Record<CourseKey, CourseSpec> = {
  daElearning: {
    title: 'Basic awareness e-learning: Domestic Abuse',
    area: 'domesticAbuse',
    level: 1,
    format: CourseFormat.E_LEARNING,
    durationMinutes: 60,
    summary:
      'A self-paced introduction to domestic abuse for anyone who works or volunteers with children and families. ' +
      'It covers the legal definition, the forms abuse can take and what to do if you are worried about a child. ' +
      'Complete it before booking any of the face-to-face domestic abuse courses.',
    outcomes: [
      'By the end you will be able to describe the statutory definition of domestic abuse, including coercive and controlling behaviour',
      'By the end you will be able to recognise common signs that a child is living with domestic abuse',
      'By the end you will be able to explain how to raise a concern through your agency and the Northshire front door',
    ],
    capacity: 0,
    slots: [],
    venues: [],
    audience: OPEN_TO_ALL,
  },
  daIntro: {
    title: 'Introduction to Domestic Abuse',
    area: 'domesticAbuse',
    level: 2,
    format: CourseFormat.VIRTUAL,
    durationMinutes: 180,
    summary:
      'A live online session for practitioners who are new to domestic abuse work or want a refresher. ' +
      'We look at power and control, barriers to disclosure and the local support available to victims and their children.',
    outcomes: [
      'By the end you will be able to explain the dynamics of power and control in abusive relationships',
      'By the end you will be able to identify barriers that stop victims and children from disclosing abuse',
      'By the end you will be able to sign-post families to local domestic abuse services, including the IDVA service',
      'By the end you will be able to record concerns clearly and share information lawfully',
    ],
    capacity: 30,
    slots: HALF_DAY,
    venues: [],
    audience: OPEN_TO_ALL,
  },
  daImpact: {
    title: 'Domestic Abuse and the impact on children',
    area: 'domesticAbuse',
    level: 3,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 420,
    summary:
      'A multi-agency day built around the "Three Me\'s" approach, putting the child\'s lived experience at the centre of work with families affected by domestic abuse. ' +
      'Through case studies and discussion you will explore the emotional, developmental and long-term impact of abuse on babies, children and young people.',
    outcomes: [
      'By the end you will be able to describe the impact of domestic abuse on children at different ages and stages',
      'By the end you will be able to capture the voice and lived experience of the child in your assessments',
      'By the end you will be able to work with the non-abusing parent without blaming them for the abuse',
      'By the end you will be able to plan a multi-agency response that keeps the child in view',
    ],
    capacity: 24,
    slots: FULL_DAY,
    venues: ['college', 'civic', 'community'],
    audience: {
      weights: {
        CHILDRENS_SOCIAL_CARE: 3,
        EARLY_HELP: 3,
        HEALTH: 2,
        EDUCATION: 2,
      },
      others: 1,
    },
  },
  daTeen: {
    title: 'Domestic Abuse and Teen Dating',
    area: 'domesticAbuse',
    level: 3,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 180,
    summary:
      'Abuse in teenage relationships is common, often hidden and frequently involves technology. ' +
      'This half day helps practitioners spot the signs of controlling and abusive teenage relationships and respond in a way young people will accept.',
    outcomes: [
      'By the end you will be able to recognise the signs of abuse in teenage relationships, including online control',
      'By the end you will be able to have a safe, non-judgemental conversation with a young person about their relationship',
      "By the end you will be able to explain when and how to refer to MARAC and specialist young people's services",
    ],
    capacity: 20,
    slots: HALF_DAY,
    venues: ['academy', 'community', 'college'],
    audience: {
      weights: {
        EDUCATION: 4,
        YOUTH_JUSTICE: 3,
        VOLUNTARY_AND_COMMUNITY: 3,
        EARLY_HELP: 2,
      },
      others: 0.6,
    },
  },
  dash: {
    title: 'DASH risk checklist',
    area: 'domesticAbuse',
    level: 2,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 180,
    summary:
      'Practical training in using the Domestic Abuse, Stalking and Harassment (DASH) risk identification checklist. ' +
      'You will practise completing the checklist with a victim, using professional judgement and making a referral to MARAC when the risk is high.',
    outcomes: [
      'By the end you will be able to complete a DASH risk checklist accurately and sensitively',
      'By the end you will be able to identify high-risk indicators and apply professional judgement',
      'By the end you will be able to make a good-quality referral to MARAC',
      'By the end you will be able to create a basic safety plan with a victim',
    ],
    capacity: 20,
    slots: HALF_DAY,
    venues: ['policeHq', 'civic', 'hospital'],
    audience: {
      weights: {
        POLICE: 3,
        HEALTH: 2,
        HOUSING: 2,
        CHILDRENS_SOCIAL_CARE: 2,
        PROBATION: 2,
      },
      others: 1,
    },
  },
  daSpecialist: {
    title: 'Domestic Abuse: specialist assessment and intervention for social care (two days)',
    area: 'domesticAbuse',
    level: 4,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 840,
    summary:
      'A two-day specialist course for social workers and early help practitioners holding cases where domestic abuse is a feature. ' +
      'It covers assessing risk and protective factors, working with perpetrators, and writing plans that are specific about what must change. ' +
      'You must have completed Domestic Abuse and the impact on children before booking.',
    outcomes: [
      'By the end you will be able to analyse risk and protective factors in complex domestic abuse cases',
      'By the end you will be able to engage perpetrators safely and hold them to account for their behaviour',
      'By the end you will be able to write child protection plans with clear, measurable outcomes',
      'By the end you will be able to use supervision to reflect on bias, drift and disguised compliance',
      'By the end you will be able to present your analysis confidently at conference and in court',
    ],
    capacity: 16,
    slots: FULL_DAY,
    venues: ['civic', 'college'],
    audience: {
      weights: { CHILDRENS_SOCIAL_CARE: 10, EARLY_HELP: 3 },
      others: 0.1,
    },
  },
  neglect: {
    title: 'Recognising and overcoming childhood neglect',
    area: 'neglect',
    level: 3,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 420,
    summary:
      'Neglect is the most common reason for a child protection plan in Northshire, and the hardest to evidence. ' +
      'This day looks at how neglect affects development, why drift happens and how agencies can work together to make change happen for the child.',
    outcomes: [
      'By the end you will be able to recognise the different forms of neglect and their cumulative impact',
      'By the end you will be able to use chronologies to spot patterns and avoid the "start again" syndrome',
      "By the end you will be able to challenge drift and escalate concerns using the partnership's resolution process",
      'By the end you will be able to describe what good multi-agency support for a neglected child looks like',
    ],
    capacity: 25,
    slots: FULL_DAY,
    venues: ['college', 'hospital', 'community'],
    audience: {
      weights: {
        CHILDRENS_SOCIAL_CARE: 2,
        EARLY_HELP: 3,
        HEALTH: 2,
        EDUCATION: 2,
        EARLY_YEARS: 2,
      },
      others: 1,
    },
  },
  gcp2: {
    title: 'Graded Care Profile 2 assessment tool training',
    area: 'neglect',
    level: 3,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 420,
    summary:
      "Licensed NSPCC training in the Graded Care Profile 2 (GCP2), the partnership's agreed tool for assessing the quality of care a child receives. " +
      'After the day you will be licensed to use GCP2 with families and will be given access to the scoring materials.',
    outcomes: [
      'By the end you will be able to explain the principles behind GCP2 and when to use it',
      'By the end you will be able to complete a GCP2 assessment with a family, scoring each area of care',
      'By the end you will be able to use the findings to agree a clear plan with parents and partners',
    ],
    capacity: 16,
    slots: FULL_DAY,
    venues: ['hospital', 'civic', 'college'],
    audience: {
      weights: {
        CHILDRENS_SOCIAL_CARE: 3,
        EARLY_HELP: 4,
        HEALTH: 3,
        EARLY_YEARS: 2,
      },
      others: 0.4,
    },
  },
  gcp2Revisit: {
    title: 'Graded Care Profile 2 revisit',
    area: 'neglect',
    level: 3,
    format: CourseFormat.VIRTUAL,
    durationMinutes: 90,
    summary:
      'A short online refresher for practitioners already licensed to use GCP2. ' +
      'Bring a recent (anonymised) assessment: we share what is working, common scoring questions and how to keep the family engaged.',
    outcomes: [
      'By the end you will be able to score GCP2 consistently with other practitioners',
      'By the end you will be able to turn GCP2 findings into SMART actions',
      'By the end you will be able to re-use GCP2 to measure progress over time',
    ],
    capacity: 20,
    slots: NINETY_MINUTES,
    venues: [],
    audience: {
      weights: {
        CHILDRENS_SOCIAL_CARE: 3,
        EARLY_HELP: 4,
        HEALTH: 3,
        EARLY_YEARS: 2,
      },
      others: 0.3,
    },
  },
  neglectCircle: {
    title: 'Neglect Learning Circle',
    area: 'neglect',
    level: 2,
    format: CourseFormat.LEARNING_CIRCLE,
    durationMinutes: 120,
    summary:
      'A mandatory facilitated learning circle for all practitioners working with children, introducing the Northshire Neglect Strategy. ' +
      'Small multi-agency groups work through a case together to agree what "good enough" care looks like and what each agency will do.',
    outcomes: [
      "By the end you will be able to describe the Northshire Neglect Strategy and your agency's part in it",
      'By the end you will be able to identify early signs of neglect and act on them',
      'By the end you will be able to reflect with colleagues from other agencies on a shared case',
    ],
    capacity: 20,
    slots: [
      ['10:00', '12:00'],
      ['13:30', '15:30'],
    ],
    venues: ['community', 'civic', 'academy'],
    audience: OPEN_TO_ALL,
  },
  neglectPle: {
    title: 'Practitioner learning event: lessons from the Child R safeguarding practice review',
    area: 'neglect',
    level: 3,
    format: CourseFormat.PRACTITIONER_LEARNING_EVENT,
    durationMinutes: 180,
    summary:
      'The partnership\'s local child safeguarding practice review into "Child R" found that long-standing neglect was not recognised because each agency saw only part of the picture. ' +
      'This event shares the findings and recommendations, and asks what each of us will do differently.',
    outcomes: [
      'By the end you will be able to summarise the key findings of the Child R review',
      "By the end you will be able to explain the review's recommendations for your own agency",
      'By the end you will be able to commit to one change in your own practice',
    ],
    capacity: 30,
    slots: HALF_DAY,
    venues: ['civic', 'college'],
    audience: OPEN_TO_ALL,
  },
  contextual: {
    title: 'Introduction to Contextual Safeguarding',
    area: 'contextual',
    level: 2,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 180,
    summary:
      'Young people can face harm outside the home: in parks, on transport, online and among their peers. ' +
      'This half day introduces the Contextual Safeguarding framework and how Northshire maps and responds to extra-familial harm, including criminal and sexual exploitation.',
    outcomes: [
      'By the end you will be able to explain the four domains of Contextual Safeguarding',
      'By the end you will be able to recognise signs of child criminal and sexual exploitation',
      'By the end you will be able to share intelligence about places and peer groups of concern',
      'By the end you will be able to describe the local exploitation pathway and when to use it',
    ],
    capacity: 25,
    slots: HALF_DAY,
    venues: ['policeHq', 'academy', 'community'],
    audience: {
      weights: {
        EDUCATION: 2,
        POLICE: 2,
        YOUTH_JUSTICE: 3,
        VOLUNTARY_AND_COMMUNITY: 2,
        HOUSING: 2,
      },
      others: 1,
    },
  },
  slavery: {
    title: 'Modern Day Slavery awareness',
    area: 'slavery',
    level: 2,
    format: CourseFormat.VIRTUAL,
    durationMinutes: 90,
    summary:
      'An online awareness session on modern slavery and human trafficking, including the exploitation of children in county lines. ' +
      'You will learn the indicators to look out for and how the National Referral Mechanism works.',
    outcomes: [
      'By the end you will be able to recognise indicators of modern slavery and trafficking in children and adults',
      'By the end you will be able to explain the duty to notify and the National Referral Mechanism',
      'By the end you will be able to respond safely when you suspect someone is being exploited',
    ],
    capacity: 30,
    slots: NINETY_MINUTES,
    venues: [],
    audience: OPEN_TO_ALL,
  },
  online: {
    title: 'Online Safety for practitioners',
    area: 'online',
    level: 2,
    format: CourseFormat.VIRTUAL,
    durationMinutes: 90,
    summary:
      "Children's lives are lived online as much as offline. This live session looks at the apps and platforms young people use now, " +
      'online grooming, sharing of nude images and sextortion, and how to talk with children and parents about staying safe.',
    outcomes: [
      'By the end you will be able to describe the main online risks for children of different ages',
      'By the end you will be able to respond to an incident of nude image sharing in line with national guidance',
      'By the end you will be able to give parents practical advice on controls and conversations',
    ],
    capacity: 30,
    slots: NINETY_MINUTES,
    venues: [],
    audience: {
      weights: {
        EDUCATION: 3,
        EARLY_HELP: 2,
        VOLUNTARY_AND_COMMUNITY: 2,
        POLICE: 2,
      },
      others: 1,
    },
  },
  gambling: {
    title: 'Problematic Gambling',
    area: 'gambling',
    level: 2,
    format: CourseFormat.VIRTUAL,
    durationMinutes: 90,
    summary:
      "Delivered with a specialist gambling harms charity, this online session explains how gambling harm affects children, both directly and through parents' debt and stress. " +
      'It covers screening questions and where to refer for treatment and support.',
    outcomes: [
      'By the end you will be able to recognise signs of gambling harm in young people and parents',
      'By the end you will be able to ask simple screening questions with confidence',
      'By the end you will be able to refer to local and national gambling support services',
    ],
    capacity: 30,
    slots: NINETY_MINUTES,
    venues: [],
    audience: {
      weights: {
        HOUSING: 2,
        PROBATION: 2,
        YOUTH_JUSTICE: 2,
        VOLUNTARY_AND_COMMUNITY: 2,
      },
      others: 1,
    },
  },
  curiosity: {
    title: 'Professional Curiosity',
    area: 'curiosity',
    level: 3,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 180,
    summary:
      'Almost every safeguarding practice review asks practitioners to be more professionally curious. ' +
      'This half day explores what that means in practice: looking beyond what we are told, respectful challenge, and avoiding disguised compliance and over-optimism.',
    outcomes: [
      'By the end you will be able to explain professional curiosity and why reviews keep returning to it',
      'By the end you will be able to recognise disguised compliance and the "rule of optimism"',
      'By the end you will be able to use questioning techniques that check out what families tell you',
      'By the end you will be able to challenge colleagues and other agencies respectfully',
    ],
    capacity: 25,
    slots: HALF_DAY,
    venues: ['civic', 'college', 'hospital'],
    audience: OPEN_TO_ALL,
  },
  conference: {
    title: 'Northshire Safeguarding Children Partnership Annual Conference: Seeing the child',
    area: 'curiosity',
    level: 2,
    format: CourseFormat.CONFERENCE,
    durationMinutes: 420,
    summary:
      'Our annual multi-agency conference, with keynote speakers, young people from the Northshire Youth Council and workshops led by the training pool. ' +
      "This year's theme is keeping the child visible in everything we do, drawing on local and national practice reviews.",
    outcomes: [
      "By the end you will be able to describe the partnership's priorities for the coming year",
      'By the end you will be able to apply learning from recent national and local reviews to your own practice',
      'By the end you will be able to describe what young people in Northshire say they need from professionals',
    ],
    capacity: 250,
    slots: [['09:00', '16:00']],
    venues: ['academy'],
    audience: OPEN_TO_ALL,
  },
  privateFostering: {
    title: 'Private Fostering briefing',
    area: 'privateFostering',
    level: 1,
    format: CourseFormat.BRIEFING,
    durationMinutes: 60,
    summary:
      'A lunchtime online briefing on private fostering: when a child under 16 is cared for by someone who is not a close relative for 28 days or more. ' +
      'Most arrangements are never notified; find out how to spot them and what to tell the council.',
    outcomes: [
      'By the end you will be able to define private fostering and give examples',
      'By the end you will be able to explain the duty to notify the local authority',
      'By the end you will be able to describe the checks and support the council provides',
    ],
    capacity: 30,
    slots: [['12:30', '13:30']],
    venues: [],
    audience: OPEN_TO_ALL,
  },
  saferSleep: {
    title: 'Safer sleep',
    area: 'substances',
    level: 2,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 180,
    summary:
      'Most sudden unexpected deaths in infancy happen when a baby shares a sofa or bed with a parent who has been drinking or using drugs. ' +
      'This half day gives practitioners the evidence and the words to have safer sleep conversations with every family, every time.',
    outcomes: [
      'By the end you will be able to explain the main risk factors for sudden unexpected death in infancy',
      'By the end you will be able to hold a safer sleep conversation, including about alcohol and drug use',
      'By the end you will be able to complete a safer sleep assessment in the home',
    ],
    capacity: 20,
    slots: HALF_DAY,
    venues: ['hospital', 'community'],
    audience: {
      weights: {
        HEALTH: 4,
        EARLY_HELP: 3,
        EARLY_YEARS: 3,
        CHILDRENS_SOCIAL_CARE: 2,
        HOUSING: 1,
      },
      others: 0.5,
    },
  },
  substances: {
    title: 'Parental substance use: the impact on children',
    area: 'substances',
    level: 3,
    format: CourseFormat.VIRTUAL,
    durationMinutes: 180,
    summary:
      "A live online half day on how parental drug and alcohol use affects children's safety, health and development. " +
      'Delivered with Northshire Recovery Service, it covers assessing parenting capacity and working alongside treatment services.',
    outcomes: [
      'By the end you will be able to describe the effects of parental substance use on children at different ages',
      "By the end you will be able to assess the impact on parenting capacity without relying on parents' own account",
      'By the end you will be able to work jointly with adult treatment services',
      'By the end you will be able to recognise when children are taking on caring roles',
    ],
    capacity: 30,
    slots: HALF_DAY,
    venues: [],
    audience: OPEN_TO_ALL,
  },
  additionalNeeds: {
    title: 'Safeguarding disabled children and children with additional needs',
    area: 'additionalNeeds',
    level: 3,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 420,
    summary:
      'Disabled children are at greater risk of abuse and less likely to be protected. ' +
      "This day explores why, including communication barriers and the tendency to explain signs of abuse by a child's condition, and what good practice looks like.",
    outcomes: [
      'By the end you will be able to explain why disabled children are more vulnerable to abuse',
      "By the end you will be able to avoid attributing indicators of abuse to a child's impairment",
      'By the end you will be able to adapt your communication to hear the voice of a child with additional needs',
      'By the end you will be able to work with SEND services and families as partners in safeguarding',
    ],
    capacity: 20,
    slots: FULL_DAY,
    venues: ['college', 'academy'],
    audience: {
      weights: {
        EDUCATION: 3,
        HEALTH: 2,
        CHILDRENS_SOCIAL_CARE: 2,
        EARLY_YEARS: 2,
      },
      others: 1,
    },
  },
  csa: {
    title: 'Child sexual abuse in the family environment: recognising and responding',
    area: 'csa',
    level: 3,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 420,
    summary:
      'Most child sexual abuse happens within the family network, yet it is rarely identified at the time. ' +
      "Drawing on the Centre of Expertise on Child Sexual Abuse's resources, this day builds confidence in noticing signs and indicators and in talking with children.",
    outcomes: [
      'By the end you will be able to describe the scale and nature of child sexual abuse in the family environment',
      'By the end you will be able to recognise signs and indicators, including when a child has not told',
      'By the end you will be able to respond to a disclosure in a way that supports the child and any investigation',
      'By the end you will be able to describe the joint police and social care response',
    ],
    capacity: 22,
    slots: FULL_DAY,
    venues: ['policeHq', 'civic'],
    audience: {
      weights: { CHILDRENS_SOCIAL_CARE: 3, POLICE: 3, EDUCATION: 2, HEALTH: 2 },
      others: 0.6,
    },
  },
  resilience: {
    title: 'Practitioner Resilience',
    area: 'wellbeing',
    level: 2,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 180,
    summary:
      'Safeguarding work is demanding and exposure to trauma takes its toll. ' +
      'This hosted half day offers practical tools for managing stress, recognising vicarious trauma and building a supportive team culture.',
    outcomes: [
      'By the end you will be able to recognise signs of stress, burnout and vicarious trauma in yourself and colleagues',
      'By the end you will be able to use simple techniques to manage pressure during the working day',
      'By the end you will be able to make use of supervision and peer support',
    ],
    capacity: 16,
    slots: HALF_DAY,
    venues: ['community', 'college'],
    audience: OPEN_TO_ALL,
  },
  ymhfa: {
    title: 'Youth Mental Health First Aid',
    area: 'mentalHealth',
    level: 3,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 840,
    summary:
      'The two-day MHFA England course for anyone who works with young people aged 8 to 18. ' +
      'Successful participants become certified Youth Mental Health First Aiders, able to spot the signs of mental ill health and guide a young person towards support.',
    outcomes: [
      'By the end you will be able to recognise signs of common mental health problems in young people',
      'By the end you will be able to provide first aid support to a young person in crisis, including suicidal thoughts and self-harm',
      'By the end you will be able to guide a young person and their family to appropriate professional help',
      'By the end you will be able to look after your own wellbeing while supporting others',
    ],
    capacity: 16,
    slots: FULL_DAY,
    venues: ['academy', 'community'],
    audience: {
      weights: {
        EDUCATION: 3,
        YOUTH_JUSTICE: 3,
        VOLUNTARY_AND_COMMUNITY: 3,
        EARLY_HELP: 2,
      },
      others: 0.5,
    },
  },
};

// ---------------------------------------------------------------------------------------------------
// The programme: which sessions run, and how booked they are

type Fill = { fraction: number } | { left: number };

type SessionSpec = {
  course: CourseKey;
  /** Booking level (upcoming only; past sessions are 75-95% booked). */
  fill?: Fill;
  capacity?: number;
  cancelled?: boolean;
  /** practitioner@example.org (Priya Shah) has a confirmed place. */
  priya?: boolean;
};

/** Oldest first, spread over the last 5 months. */
const PAST: SessionSpec[] = [
  { course: 'daImpact' },
  { course: 'dash' },
  { course: 'gcp2', priya: true },
  { course: 'contextual' },
  { course: 'daTeen' },
  { course: 'neglectCircle' },
  { course: 'slavery' },
  { course: 'saferSleep', priya: true },
  { course: 'curiosity' },
  { course: 'gambling' },
  { course: 'neglect' },
  { course: 'daSpecialist' },
  { course: 'dash' },
  { course: 'daIntro' },
  { course: 'neglectPle' },
  { course: 'resilience' },
  { course: 'online' },
  { course: 'gcp2' },
];

/** Oldest first, 7 to 13 months ago: their 6-month surveys (and for the oldest, 12-month surveys) have gone out. */
const EARLIER: SessionSpec[] = [
  { course: 'gcp2' },
  { course: 'dash' },
  { course: 'contextual' },
  { course: 'curiosity' },
  { course: 'neglect' },
  { course: 'saferSleep' },
  { course: 'gcp2' },
  { course: 'online' },
];

/** Soonest first, spread over the next 4 months: sooner sessions are fuller. */
const UPCOMING: SessionSpec[] = [
  { course: 'dash', fill: { fraction: 1 } },
  { course: 'contextual', fill: { left: 2 } },
  { course: 'gcp2Revisit', fill: { fraction: 0.6 }, priya: true },
  { course: 'daImpact', fill: { left: 3 }, priya: true },
  { course: 'privateFostering', fill: { fraction: 0.4 } },
  { course: 'neglectCircle', fill: { left: 1 } },
  { course: 'gambling', fill: { fraction: 0.3 }, cancelled: true },
  { course: 'saferSleep', fill: { fraction: 1 } },
  { course: 'online', fill: { left: 4 } },
  { course: 'ymhfa', fill: { left: 2 } },
  { course: 'gcp2', fill: { left: 1 } },
  { course: 'csa', fill: { fraction: 0.7 } },
  { course: 'conference', fill: { fraction: 0.55 } },
  { course: 'substances', fill: { fraction: 0.5 } },
  { course: 'daTeen', fill: { fraction: 0.45 } },
  { course: 'additionalNeeds', fill: { fraction: 0.4 } },
  { course: 'curiosity', fill: { fraction: 0.5 } },
  { course: 'daSpecialist', fill: { fraction: 0.3 } },
  { course: 'slavery', fill: { fraction: 0.2 } },
  { course: 'neglect', fill: { fraction: 0.25 } },
  { course: 'daIntro', fill: { fraction: 0.15 } },
  { course: 'resilience', fill: { fraction: 0.1 } },
  { course: 'dash', fill: { fraction: 0 } },
  { course: 'contextual', fill: { fraction: 0 } },
];

// ---------------------------------------------------------------------------------------------------
// Names

// prettier-ignore
const FIRST_NAMES = [
  'Olivia', 'Amelia', 'Emily', 'Sophie', 'Grace', 'Hannah', 'Chloe', 'Jessica', 'Lucy', 'Megan',
  'Charlotte', 'Rebecca', 'Laura', 'Sarah', 'Emma', 'Katie', 'Natalie', 'Zoe', 'Kirsty', 'Leanne',
  'Joanne', 'Nicola', 'Helen', 'Catherine', 'Fiona', 'Amy', 'Bethany', 'Aisha', 'Fatima', 'Zainab',
  'Ayesha', 'Nadia', 'Sana', 'Anjali', 'Harpreet', 'Simran', 'Agnieszka', 'Kasia', 'Chiamaka', 'Abigail',
  'Niamh', 'Ffion', 'Rhian', 'Louise', 'Claire', 'Jennifer', 'Victoria', 'Alison', 'Donna', 'Shabana',
  'James', 'Oliver', 'Jack', 'Harry', 'George', 'Thomas', 'Daniel', 'Matthew', 'Luke', 'Adam',
  'Ryan', 'Liam', 'Callum', 'Jamie', 'Craig', 'Gareth', 'Stuart', 'Neil', 'Paul', 'Mark',
  'Andrew', 'David', 'Michael', 'Stephen', 'Richard', 'Christopher', 'Mohammed', 'Bilal', 'Usman', 'Arjun',
  'Rohan', 'Sanjay', 'Tomasz', 'Piotr', 'Kwame', 'Tunde', 'Emeka', 'Dylan', 'Owen', 'Rhys',
  'Connor', 'Sean', 'Ciaran', 'Joe', 'Ben', 'Nathan', 'Lee', 'Wayne', 'Darren', 'Hamza',
];

// prettier-ignore
const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
  'Patel', 'Khan', 'Ahmed', 'Hussain', 'Ali', 'Begum', 'Iqbal', 'Akhtar', 'Mahmood', 'Sharma',
  'Kaur', 'Singh', 'Gill', 'Nowak', 'Kowalski', 'Okoro', 'Adeyemi', 'Mensah', 'Campbell', 'Stewart',
  'Murray', "O'Brien", "O'Neill", 'Murphy', 'Kelly', 'Doyle', 'McCarthy', 'Hughes', 'Lloyd', 'Morris',
  'Price', 'Parry', 'Bailey', 'Harrison', 'Atkinson', 'Fletcher', 'Holmes', 'Marsden', 'Schofield', 'Greenwood',
  'Ackroyd', 'Barraclough', 'Sutcliffe', 'Haworth', 'Pickles', 'Whitehead', 'Lees', 'Dawson', 'Kershaw', 'Butterworth',
  'Entwistle', 'Lomax', 'Ashworth', 'Crossley', 'Hargreaves', 'Ramsbottom', 'Metcalfe', 'Sykes', 'Brennan', 'Quinn',
];

// ---------------------------------------------------------------------------------------------------

/**
 * Creates the whole demo data set with `em` and flushes it. Call it on an empty database, inside a
 * transaction (see seed-cli.ts). `now` anchors the dates: past sessions end before it, upcoming start after it.
 */
export async function seedDemoData(em: EntityManager, now: Date = new Date()): Promise<DemoSummary> {
  const rng = mulberry32(SEED);
  const passwordHash = await argon2.hash(DEMO_PASSWORD, {
    type: argon2.argon2id,
  });
  const setUpAt = new Date(now.getTime() - 430 * DAY_MS);

  // Priority areas and courses
  const areas = {} as Record<AreaKey, PriorityArea>;
  for (const [key, name] of Object.entries(PRIORITY_AREAS) as [AreaKey, string][]) {
    areas[key] = em.create(PriorityArea, { name });
  }
  const courses = {} as Record<CourseKey, Course>;
  for (const [key, c] of Object.entries(COURSES) as [CourseKey, CourseSpec][]) {
    courses[key] = em.create(Course, {
      title: c.title,
      summary: c.summary,
      learningOutcomes: c.outcomes,
      priorityArea: areas[c.area],
      level: c.level,
      format: c.format,
      durationMinutes: c.durationMinutes,
      createdAt: setUpAt,
    });
  }

  // One draft and one archived course (Manage → Courses shows both; the catalogue neither)
  seedCourseStatuses(em, areas.contextual, setUpAt);

  // Booking rules the demo shows: manager approval, an audience, prerequisites (level 2 before 3/4).
  courses.daSpecialist.requiresApproval = true;
  courses.daSpecialist.audienceSectors = [AgencySector.CHILDRENS_SOCIAL_CARE, AgencySector.EARLY_HELP];
  courses.daSpecialist.prerequisite = courses.dash;
  courses.gcp2.requiresApproval = true;
  courses.gcp2Revisit.prerequisite = courses.gcp2;

  // Venues
  const venues = {} as Record<VenueKey, Venue>;
  for (const [key, v] of Object.entries(VENUES) as [VenueKey, (typeof VENUES)[VenueKey]][]) {
    venues[key] = em.create(Venue, v);
  }

  // Agencies
  const agencies = {} as Record<AgencyKey, Agency>;
  const agencyKeys = new Map<Agency, AgencyKey>();
  for (const a of AGENCIES) {
    agencies[a.key] = em.create(Agency, {
      name: a.name,
      sector: a.sector,
      // volunteers usually have no line manager to approve bookings
      approvalExempt: a.sector === AgencySector.VOLUNTARY_AND_COMMUNITY,
      createdAt: setUpAt,
    });
    agencyKeys.set(agencies[a.key], a.key);
  }
  seedDemoAgencies(em, Object.values(agencies), setUpAt);

  // People
  const usedEmails = new Set<string>();
  const usedNames = new Set<string>();
  const people: Person[] = [];
  const addPerson = (name: string, email: string, agency: AgencyKey, jobTitle: string, roles: Role[]): Person => {
    usedEmails.add(email);
    usedNames.add(name);
    const person = em.create(Person, {
      name,
      email,
      jobTitle,
      agency: agencies[agency],
      roles,
      passwordHash,
      createdAt: new Date(setUpAt.getTime() + intBetween(rng, 0, 20) * DAY_MS),
    });
    people.push(person);
    return person;
  };

  addPerson('Claire Morgan', 'coordinator@example.org', 'csc', 'Learning and Development Coordinator', [Role.COORDINATOR]);
  addPerson('Dr Sam Okafor', 'reviewer@example.org', 'icb', 'Workforce Development Group Chair', [Role.REVIEWER]);
  const trainerRoles = [Role.TRAINER, Role.PRACTITIONER];
  addPerson('Tom Walsh', 'trainer@example.org', 'csc', 'Advanced Practitioner (Domestic Abuse)', trainerRoles);
  addPerson('Rachel Dunn', 'rachel.dunn@example.org', 'nhsTrust', 'Named Nurse for Safeguarding Children', trainerRoles);
  addPerson('Imran Hussain', 'imran.hussain@example.org', 'police', 'Detective Sergeant, Public Protection Unit', trainerRoles);
  addPerson('Gemma Riley', 'gemma.riley@example.org', 'earlyHelp', 'Early Help Team Manager', trainerRoles);
  addPerson('Siobhan Kelly', 'siobhan.kelly@example.org', 'academy', 'Trust Safeguarding Lead', trainerRoles);
  addPerson('Marcus Bennett', 'marcus.bennett@example.org', 'cvs', 'Safeguarding Training Officer', trainerRoles);

  const priya = addPerson('Priya Shah', 'practitioner@example.org', 'nhsTrust', 'Health Visitor', [Role.PRACTITIONER]);
  const practitioners: Person[] = [priya];
  const sectorOf = new Map<Person, AgencySector>([[priya, AgencySector.HEALTH]]);
  for (const a of AGENCIES) {
    const singleTitlesUsed = new Set<string>();
    const count = a.key === 'nhsTrust' ? a.practitioners - 1 : a.practitioners;
    for (let i = 0; i < count; i++) {
      let name: string;
      do {
        name = `${pick(rng, FIRST_NAMES)} ${pick(rng, SURNAMES)}`;
      } while (usedNames.has(name));
      const local = name
        .toLowerCase()
        .replace(/[^a-z ]/g, '')
        .replace(' ', '.');
      let email = `${local}@example.org`;
      for (let n = 2; usedEmails.has(email); n++) {
        email = `${local}${n}@example.org`;
      }
      let title: string;
      do {
        title = pick(rng, a.titles);
      } while (a.single?.includes(title) && singleTitlesUsed.has(title));
      singleTitlesUsed.add(title);
      const person = addPerson(name, email, a.key, title, [Role.PRACTITIONER]);
      practitioners.push(person);
      sectorOf.set(person, a.sector);
    }
  }

  if (practitioners.length !== PRACTITIONER_COUNT) {
    throw new Error(`Expected ${PRACTITIONER_COUNT} practitioners, made ${practitioners.length}`);
  }

  // Sessions: one working day (or two consecutive) each, never two sessions on the same day.
  const today = londonParts(now).date;
  const usedDays = new Set<string>();
  const placeDays = (target: number, min: number, max: number, days: number): string[] => {
    for (let delta = 0; delta < 60; delta++) {
      for (const offset of delta === 0 ? [target] : [target - delta, target + delta]) {
        if (offset < min || offset > max) {
          continue;
        }
        const first = addDays(today, offset);
        if (!isWorkingDay(first)) {
          continue;
        }
        if (days > 1 && dayOfWeek(first) === 5) {
          continue;
        } // keep a two-day course within one week
        const all = [first];
        while (all.length < days) {
          all.push(nextWorkingDay(all[all.length - 1] as string));
        }
        const lastOffset = offset + Math.round((Date.parse(all[all.length - 1] as string) - Date.parse(first)) / DAY_MS);
        if (lastOffset > max || all.some((d) => usedDays.has(d))) {
          continue;
        }
        all.forEach((d) => usedDays.add(d));
        return all;
      }
    }
    throw new Error(`No free working day near day ${target}`);
  };

  const sessions: Session[] = [];
  const parts: SessionPart[] = [];
  const bookings: Booking[] = [];
  const bookers = practitioners.slice(1); // Priya's bookings are placed by hand

  /** Weighted sample without replacement (Efraimidis-Spirakis), by the course's audience. */
  const chooseBookers = (audience: Audience, count: number): Person[] =>
    bookers
      .map((p) => {
        const w = audience.weights[sectorOf.get(p) as AgencySector] ?? audience.others;
        return { p, key: Math.pow(rng(), 1 / w) };
      })
      .sort((a, b) => b.key - a.key)
      .slice(0, count)
      .map((x) => x.p);

  const addSession = (spec: SessionSpec, dayTarget: number, minDay: number, maxDay: number, past: boolean) => {
    const c = COURSES[spec.course];
    const days = c.durationMinutes === 840 ? 2 : 1;
    const dates = placeDays(dayTarget, minDay, maxDay, days);
    const [start, end] = pick(rng, c.slots);
    const times = dates.map((d) => ({
      startsAt: londonToUtc(d, start),
      endsAt: londonToUtc(d, end),
    }));
    const first = times[0];
    const last = times[times.length - 1];
    if (!first || !last) {
      throw new Error(`Course "${c.title}" has no session times`);
    }
    const online = c.venues.length === 0;
    const capacity = spec.capacity ?? (c.capacity >= 100 ? c.capacity : c.capacity - (online ? 0 : intBetween(rng, 0, 2) * 2));
    const session = em.create(Session, {
      course: courses[spec.course],
      venue: online ? undefined : venues[pick(rng, c.venues)],
      onlineUrl: online ? `https://meet.example.org/lh/${shortCode(rng)}` : undefined,
      capacity,
      status: spec.cancelled ? SessionStatus.CANCELLED : SessionStatus.SCHEDULED,
      cancelledAt: spec.cancelled ? new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000) : undefined,
      cancellationReason: spec.cancelled ? 'The trainer is unwell and no other trainer is free on that day' : undefined,
      startsAt: first.startsAt,
      endsAt: last.endsAt,
    });
    sessions.push(session);
    for (const t of times) {
      parts.push(em.create(SessionPart, { session, ...t }));
    }

    // How many confirmed places, and who
    let confirmed: number;
    if (past) {
      confirmed = Math.round(capacity * (0.75 + rng() * 0.2));
    } else if (spec.fill && 'left' in spec.fill) {
      confirmed = capacity - spec.fill.left;
    } else {
      confirmed = Math.round(capacity * (spec.fill?.fraction ?? 0.5));
    }
    const cancelledCount = spec.cancelled ? 0 : past ? intBetween(rng, 0, 2) : rng() < 0.4 ? 1 : 0;
    const chosen = chooseBookers(c.audience, confirmed - (spec.priya ? 1 : 0) + cancelledCount);
    const confirmedPeople = spec.priya ? [priya, ...chosen.slice(0, confirmed - 1)] : chosen.slice(0, confirmed);
    const cancelledPeople = chosen.slice(confirmed - (spec.priya ? 1 : 0));

    const bookedAt = () => {
      const at = session.startsAt.getTime() - intBetween(rng, 3 * 24, 60 * 24) * 60 * 60 * 1000;
      return new Date(Math.min(at, now.getTime() - intBetween(rng, 1, 48) * 60 * 60 * 1000));
    };
    // A cancelled session: everyone who had booked has been cancelled.
    const status = spec.cancelled ? BookingStatus.CANCELLED : BookingStatus.CONFIRMED;
    for (const person of confirmedPeople) {
      // a course that needs approval asked for the line manager's address (the demo agencies' managers)
      const managerEmail = needsApproval(courses[spec.course], person.agency)
        ? `team.manager.${agencyKeys.get(person.agency!)}@example.org`
        : null;
      bookings.push(em.create(Booking, { session, person, agency: person.agency ?? null, status, managerEmail, createdAt: bookedAt() }));
    }
    for (const person of cancelledPeople) {
      bookings.push(
        em.create(Booking, {
          session,
          person,
          agency: person.agency ?? null,
          status: BookingStatus.CANCELLED,
          createdAt: bookedAt(),
        }),
      );
    }
  };

  // Past: from about 150 days ago to 4 days ago. Upcoming: from 3 days to about 118 days ahead.
  PAST.forEach((spec, i) => {
    const target = -150 + Math.round((i * 146) / (PAST.length - 1)) + intBetween(rng, -2, 2);
    addSession(spec, target, -152, -2, true);
  });
  UPCOMING.forEach((spec, i) => {
    const target = 3 + Math.round((i * 115) / (UPCOMING.length - 1)) + intBetween(rng, -2, 2);
    addSession(spec, target, 3, 122, false);
  });
  // placed last, so the sessions above keep the days and people they always had
  EARLIER.forEach((spec, i) => {
    const target = -400 + Math.round((i * 190) / (EARLIER.length - 1)) + intBetween(rng, -2, 2);
    addSession(spec, target, -405, -200, true);
  });
  seedDemoPeople(em, { agency: agencies.csc, sessions, bookings, passwordHash, now });
  seedDemoTrainers({ people, sessions, bookings, practitionerEmail: priya.email, now });
  seedDemoRegisters(em, {
    sessions,
    parts,
    bookings,
    trainers: people.filter((p) => p.roles.includes(Role.TRAINER)),
    coordinator: people.find((p) => p.roles.includes(Role.COORDINATOR))!,
    copyManagersAt: [agencies.academy, agencies.cvs],
    now,
  });

  seedDemoMandatoryTraining(em, {
    courses: { awareness: courses.daElearning, curiosity: courses.curiosity, gcp2: courses.gcp2, contextual: courses.contextual },
    practitioners,
    priya,
    leadAgency: agencies.nhsTrust,
    passwordHash,
    now,
  });

  seedDemoRecords(em, {
    elearning: courses.daElearning,
    practitioner: priya,
    coordinator: people.find((p) => p.roles.includes(Role.COORDINATOR))!,
    now,
  });

  await em.flush();
  await seedDemoSurveys(em, now);
  await seedDemoSingleSignOn(em);
  await seedDemoRegistration(em, now, passwordHash);

  return {
    priorityAreas: Object.keys(areas).length,
    courses: Object.keys(courses).length,
    venues: Object.keys(venues).length,
    agencies: Object.keys(agencies).length,
    people: people.length,
    sessions: sessions.length,
    sessionParts: parts.length,
    bookings: bookings.length,
  };
}

/** A meeting code like "k3v-9qtw". */
function shortCode(rng: Rng): string {
  const chars = 'abcdefghjkmnpqrstuvwxyz23456789';
  const part = (n: number) => Array.from({ length: n }, () => pick(rng, chars.split(''))).join('');
  return `${part(3)}-${part(4)}`;
}
