import { readPdf } from '../../test/pdf-text';
import { partHeading, renderSignInSheet, type SignInSheetInput } from './sign-in-sheet';

/** Tuesday 3 March 2026, 9:30am to 12:30pm in London (GMT), and the next days at the same time. */
const part = (day: number) => ({
  startsAt: new Date(Date.UTC(2026, 2, 3 + day, 9, 30)),
  endsAt: new Date(Date.UTC(2026, 2, 3 + day, 12, 30)),
});

const LETTERS = [
  'Zoë Ødegård-Łukasiewicz',
  'Siobhán Ní Bhriain',
  'Νίκος Παπαδόπουλος',
  'Олена Коваленко',
  'Đặng Thị Hương',
  'Øyvind Ærøskøbing',
];
const URL = 'https://learninghub.example.org/check-in?session=8c1b2f3e-0000-4000-8000-000000000001';

const input = (over: Partial<SignInSheetInput> = {}): SignInSheetInput => ({
  partnershipName: 'Northshire Safeguarding Children Partnership',
  courseTitle: 'Domestic abuse: recognising and responding',
  parts: [part(0), part(1)],
  place: 'Northshire College, Room 2, 1 High Street, Northshire NS1 1AA',
  trainers: ['Tom Walsh', 'Rachel Dunn'],
  people: [],
  checkInUrl: URL,
  generatedAt: new Date('2026-03-01T10:00:00Z'),
  ...over,
});

/** 250 people (a conference), the names with letters beyond Latin-1 among them, in no order. */
const conference = () => {
  const people: { name: string; agency: string | null }[] = Array.from({ length: 244 }, (_, i) => ({
    name: `Delegate ${String(i).padStart(3, '0')} Smith`,
    agency: 'Northshire Council',
  }));
  LETTERS.forEach((name, i) => people.splice(i * 40, 0, { name, agency: i % 2 ? 'Northshire Police' : null }));
  return people;
};

describe('the printed sign-in sheet', () => {
  it('lists 250 people on several A4 pages, sorted by name, every name printed in the embedded font', async () => {
    const people = conference();
    const started = performance.now();
    const { pdf, pageCount } = await renderSignInSheet(input({ people }));
    const ms = performance.now() - started;
    // measured, not asserted: the machine may be busy
    console.log(
      `sign-in sheet for ${people.length} people: ${pageCount} pages, ${Math.round(pdf.length / 1024)} KB in ${Math.round(ms)} ms`,
    );

    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const read = readPdf(pdf);
    expect(read.pageCount).toBe(pageCount);
    expect(pageCount).toBeGreaterThanOrEqual(9);
    expect(read.pageSizes.every(([w, h]) => Math.round(w) === 595 && Math.round(h) === 842)).toBe(true);
    // the letters come from DejaVu Sans, embedded (subset) in the file: no font is left to the reader's machine
    expect(read.fonts.length).toBe(2);
    for (const font of read.fonts) {
      expect(font).toEqual({ baseFont: expect.stringMatching(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/), embedded: true });
    }

    const text = read.pages.join('\n');
    const lines = text.split('\n');
    const sorted = [...people.map((p) => p.name)].sort(new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true }).compare);
    const where = sorted.map((name) => lines.indexOf(name));
    expect(where.every((at) => at >= 0)).toBe(true);
    expect(where).toEqual([...where].sort((a, b) => a - b));
    for (const name of LETTERS) {
      expect(lines.filter((l) => l === name)).toHaveLength(1);
    }
    expect(lines).toContain('250');
  });

  it('repeats the table header on every page and numbers the pages', async () => {
    const { pdf, pageCount } = await renderSignInSheet(input({ people: conference() }));
    const { pages } = readPdf(pdf);
    pages.forEach((page, i) => {
      const lines = page.split('\n');
      expect(lines).toContain(`Page ${i + 1} of ${pageCount}`);
      expect(lines).toContain('Domestic abuse: recognising and responding, Tue 3 Mar');
      expect(lines).toEqual(expect.arrayContaining(['No.', 'Name', 'Agency', 'Part 1: Tue 3 Mar,', '9:30am', 'Part 2: Wed 4 Mar,']));
    });
    const first = pages[0]!.split('\n');
    expect(first.slice(0, 7)).toEqual([
      'Northshire Safeguarding Children Partnership',
      'Sign-in sheet: Domestic abuse: recognising and',
      'responding',
      'Part 1: Tuesday 3 March 2026, 9:30am to 12:30pm',
      'Part 2: Wednesday 4 March 2026, 9:30am to 12:30pm',
      'Where: Northshire College, Room 2, 1 High Street, Northshire NS1 1AA',
      'Trainers: Tom Walsh, Rachel Dunn',
    ]);
  });

  it('ends with at least 10 numbered rows for walk-ins and the check-in QR code with what to do', async () => {
    const { pdf } = await renderSignInSheet(input({ people: conference() }));
    const read = readPdf(pdf);
    const last = read.pages.at(-1)!.split('\n');
    expect(last).toContain('Not on the list? Write your name, agency and email here');
    expect(last).toContain('Email');
    for (let n = 251; n <= 260; n++) {
      expect(last).toContain(String(n));
    }
    expect(last).toContain('Check in on your phone');
    expect(last).toContain("Scan to check in, then enter the code on the trainer's screen.");
    // the address may wrap where it has a question mark
    expect(last.join('')).toContain(URL);
    expect(read.alts).toContain(`QR code that opens ${URL}`);
  });

  it('is tagged for screen readers: language, title shown, headings, tables with column headers, the QR code as a figure', async () => {
    const { pdf } = await renderSignInSheet(input({ people: conference().slice(0, 30) }));
    const read = readPdf(pdf);
    expect(read.catalog).toMatch(/\/Lang \(en-GB\)/);
    expect(read.catalog).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(read.catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(read.catalog).toMatch(/\/ViewerPreferences \d+ 0 R/);
    expect(read.title).toBe('Sign-in sheet: Domestic abuse: recognising and responding, Tue 3 Mar');
    expect(read.structure).toMatchObject({ Document: 1, H1: 1, H2: 2, Table: 2, Figure: 1 });
    // a header row and 30 rows of people, then walk-in rows (at least 10), each with a cell per column
    expect(read.structure.TH).toBe(5 + 6);
    expect(read.structure.TR! - 2).toBeGreaterThanOrEqual(30 + 10);
    expect(read.structure.TD).toBe(30 * 5 + (read.structure.TR! - 2 - 30) * 6);
  });

  it('turns to landscape for a session of four parts, and says "Signature" and "Online" for one online part', async () => {
    const four = readPdf(
      (await renderSignInSheet(input({ parts: [part(0), part(1), part(7), part(8)], people: conference().slice(0, 5) }))).pdf,
    );
    expect(four.pageSizes[0]!.map(Math.round)).toEqual([842, 595]);
    expect(four.pages[0]).toContain('Part 4: Wed 11 Mar,');

    const one = readPdf(
      (await renderSignInSheet(input({ parts: [part(0)], place: 'Online', trainers: [], people: [{ name: 'Amira Khan', agency: null }] })))
        .pdf,
    );
    const lines = one.pages[0]!.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining(['When: Tuesday 3 March 2026, 9:30am to 12:30pm', 'Where: Online', 'Trainer: not yet named', 'Signature']),
    );
    expect(one.pageCount).toBe(1);
  });

  it('heads part columns with the part and its London start (the clocks go forward on 29 March 2026)', () => {
    expect(partHeading({ startsAt: new Date('2026-03-30T08:30:00Z'), endsAt: new Date('2026-03-30T11:30:00Z') }, 2, 3)).toBe(
      'Part 2: Mon 30 Mar, 9:30am',
    );
    expect(partHeading(part(0), 1, 1)).toBe('Signature');
  });
});
