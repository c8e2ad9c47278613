import {
  checkElearningRows,
  completionKey,
  elearningColumnOf,
  elearningHeaderProblem,
  isLearningUrl,
  parseExportDate,
  type ElearningRow,
} from './e-learning-import';

const people = new Map([['asha@example.org', { id: 'p1', name: 'Asha Patel' }]]);
const courses = [
  { id: 'c1', title: 'Safeguarding Basics Online', externalCode: 'SG-101' },
  { id: 'c2', title: 'Prevent awareness', externalCode: null },
];
const row = (over: Partial<ElearningRow> = {}): ElearningRow => ({
  line: 2,
  email: 'Asha@Example.org',
  course: 'safeguarding basics online',
  completed: '27/03/2026',
  minutes: '45',
  hours: '',
  ...over,
});
const check = (rows: ElearningRow[], recorded: string[] = []) =>
  checkElearningRows(rows, { people, courses, recorded: new Set(recorded), today: '2026-04-01' });

describe('e-learning import: the rows of the provider’s export', () => {
  it('reads the header as exports write it', () => {
    expect(elearningColumnOf('Completion_Date')).toBe('completed');
    expect(elearningColumnOf('E-mail')).toBe('email');
    expect(elearningColumnOf('Hours')).toBe('hours');
    expect(elearningColumnOf('Score')).toBeNull();
    expect(elearningHeaderProblem(['email', 'course', 'completion date', 'minutes'])).toBeNull();
    expect(elearningHeaderProblem(['email', 'course', 'completion date'])).toMatch(/minutes or hours/);
    expect(elearningHeaderProblem(['name', 'course'])).toMatch(/^The first row must name the columns/);
  });

  it('reads dates in ISO or UK day-first form, and nothing else', () => {
    expect(parseExportDate('2026-03-27')).toBe('2026-03-27');
    expect(parseExportDate('2026-03-27T10:15:00Z')).toBe('2026-03-27');
    expect(parseExportDate('7/3/2026')).toBe('2026-03-07');
    expect(parseExportDate('31/02/2026')).toBeNull();
    expect(parseExportDate('March 7')).toBeNull();
  });

  it('adds a good row, matching the course by title in any case or by its code, with minutes or hours', () => {
    const [byTitle, byCode] = check([row(), row({ line: 3, course: 'sg-101', completed: '2026-03-28', minutes: '', hours: '1.5' })]);
    expect(byTitle).toMatchObject({
      outcome: 'ADD',
      personId: 'p1',
      courseId: 'c1',
      completedOn: '2026-03-27',
      minutesSpent: 45,
      problems: [],
    });
    expect(byCode).toMatchObject({ outcome: 'ADD', courseId: 'c1', minutesSpent: 90 });
  });

  it('says what is wrong with each bad row', () => {
    const rows = check([
      row({ email: 'nobody@example.org' }),
      row({ course: 'Juggling' }),
      row({ completed: 'yesterday' }),
      row({ completed: '2026-04-02' }),
      row({ minutes: '0' }),
    ]);
    expect(rows.map((r) => [r.outcome, r.problems])).toEqual([
      ['ERROR', ['Nobody has the email address nobody@example.org']],
      ['ERROR', ['No e-learning course is called or has the code "Juggling"']],
      ['ERROR', ['"yesterday" is not a date (use 2026-03-27 or 27/03/2026)']],
      ['ERROR', ['The completion date 2026-04-02 is in the future']],
      ['ERROR', ['The minutes or hours must be a number more than 0']],
    ]);
  });

  it('leaves out completions already recorded and repeats within the file', () => {
    const rows = check([row(), row({ line: 3 }), row({ line: 4, course: 'Prevent awareness' })], [completionKey('p1', 'c2', '2026-03-27')]);
    expect(rows.map((r) => r.outcome)).toEqual(['ADD', 'DUPLICATE', 'DUPLICATE']);
    expect(rows[2]!.problems).toEqual(['Already recorded: this completion is on the record']);
  });

  it('takes only https learning links', () => {
    expect(isLearningUrl('https://learn.example.org/course/1')).toBe(true);
    expect(isLearningUrl('http://learn.example.org/')).toBe(false);
    expect(isLearningUrl('javascript:alert(1)')).toBe(false);
    expect(isLearningUrl('not a link')).toBe(false);
  });
});
