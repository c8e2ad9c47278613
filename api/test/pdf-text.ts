import { inflateSync } from 'node:zlib';

/**
 * Reads a PDF the way a text extractor does, enough to check what pdfkit wrote: the pages, the fonts
 * each page uses (and whether their font program is embedded), and the text shown on each page decoded
 * through each font's ToUnicode map (pdfkit writes text as glyph ids, so a plain search finds nothing).
 * For tests only: it understands the plain object layout pdfkit writes, not every PDF.
 */
export interface PdfContents {
  version: string;
  pageCount: number;
  /** Per page, the text of each text-showing operation in order, one per line. */
  pages: string[];
  /** The fonts used, by base name, and whether each carries an embedded TrueType program. */
  fonts: { baseFont: string; embedded: boolean }[];
  /** The document catalog's entries as written (for /Lang, /MarkInfo, /StructTreeRoot, /ViewerPreferences). */
  catalog: string;
  /** The Info dictionary's /Title, decoded. */
  title: string | null;
  /** Each page's size in points, [width, height]. */
  pageSizes: [number, number][];
  /** How many structure elements of each type the tagged file has (Document, H1, Table, TR, TH, TD, Figure...). */
  structure: Record<string, number>;
  /** The alternative texts of structure elements. */
  alts: string[];
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

export function readPdf(pdf: Buffer): PdfContents {
  const text = pdf.toString('latin1');
  const version = /^%PDF-(\d\.\d)/.exec(text)?.[1];
  if (!version) {
    throw new Error('Not a PDF: it does not start with %PDF-');
  }
  const objects = new Map<number, PdfObject>();
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = objectPattern.exec(text); m; m = objectPattern.exec(text)) {
    const body = m[2]!;
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt === -1) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const start = body.indexOf('\n', streamAt) + 1;
    // the stream is exactly /Length bytes (pdfkit writes it directly); compressed data may itself end in a newline
    const lengthMatch = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
    const length = lengthMatch && !lengthMatch[2] ? lengthMatch[1] : undefined; // an indirect length: read up to endstream
    const end = length ? start + Number(length) : body.lastIndexOf('endstream');
    let data = Buffer.from(length ? body.slice(start, end) : body.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
    if (/\/Filter\s*\/FlateDecode/.test(dict)) {
      data = inflateSync(data);
    }
    objects.set(Number(m[1]), { dict, stream: data });
  }
  const ref = (dict: string, key: string): number | null => {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : null;
  };
  const get = (id: number | null) => (id === null ? undefined : objects.get(id));

  const trailerRoot = /\/Root\s+(\d+) 0 R/.exec(text.slice(text.lastIndexOf('trailer')));
  const catalog = get(trailerRoot ? Number(trailerRoot[1]) : null)?.dict ?? '';
  const info = get(ref(text.slice(text.lastIndexOf('trailer')), 'Info'))?.dict ?? '';
  const titleRef = ref(info, 'Title');
  const titleText = titleRef === null ? /\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F]*>)/.exec(info)?.[1] : get(titleRef)?.dict.trim();
  const title = decodePdfString(titleText ?? null);

  const unicodeMaps = new Map<number, Map<number, string>>();
  const fontsUsed = new Map<string, { baseFont: string; embedded: boolean }>();
  const mapOf = (fontId: number): Map<number, string> => {
    if (!unicodeMaps.has(fontId)) {
      const font = get(fontId)!;
      const cmap = get(ref(font.dict, 'ToUnicode'))?.stream?.toString('latin1') ?? '';
      unicodeMaps.set(fontId, parseToUnicode(cmap));
      const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(font.dict);
      const cidFont = get(descendant ? Number(descendant[1]) : null);
      const descriptor = get(ref(cidFont?.dict ?? font.dict, 'FontDescriptor'));
      fontsUsed.set(String(fontId), {
        baseFont: /\/BaseFont\s*\/([^\s/<>[\]]+)/.exec(font.dict)?.[1] ?? '',
        embedded: !!descriptor && /\/FontFile2\s+\d+ 0 R/.test(descriptor.dict),
      });
    }
    return unicodeMaps.get(fontId)!;
  };

  const pageIds = [...objects.entries()].filter(([, o]) => /\/Type\s*\/Page\b(?!s)/.test(o.dict)).map(([id]) => id);
  const pages = pageIds.map((id) => {
    const page = objects.get(id)!;
    const resources = get(ref(page.dict, 'Resources'))?.dict ?? page.dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    const contentIds = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? '';
    const streams = [...(contentIds ? contentIds.matchAll(/(\d+) 0 R/g) : [])].map((m) => Number(m[1]));
    const single = ref(page.dict, 'Contents');
    const content = (streams.length ? streams : single === null ? [] : [single])
      .map((n) => get(n)?.stream?.toString('latin1') ?? '')
      .join('\n');
    return showText(content, fonts, mapOf).join('\n');
  });
  const pageSizes = pageIds.map((id) => {
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(objects.get(id)!.dict);
    return box ? ([Number(box[3]) - Number(box[1]), Number(box[4]) - Number(box[2])] as [number, number]) : ([0, 0] as [number, number]);
  });
  const structure: Record<string, number> = {};
  const alts: string[] = [];
  for (const o of objects.values()) {
    // a structure element: a dictionary with a structure type and a parent (pdfkit leaves out /Type /StructElem)
    const s = /\/P\s+\d+ 0 R/.test(o.dict) ? /^\s*<<\s*\/S\s*\/(\w+)/.exec(o.dict)?.[1] : undefined;
    if (s) {
      structure[s] = (structure[s] ?? 0) + 1;
      const altRef = ref(o.dict, 'Alt');
      const alt = altRef === null ? /\/Alt\s*(\((?:\\.|[^\\)])*\))/.exec(o.dict)?.[1] : get(altRef)?.dict.trim();
      if (alt) {
        alts.push(decodePdfString(alt)!);
      }
    }
  }
  return { version, pageCount: pageIds.length, pages, fonts: [...fontsUsed.values()], catalog, title, pageSizes, structure, alts };
}

/** The text of every Tj / TJ operation, through the font selected by the last Tf. */
function showText(content: string, fonts: Map<string, number>, mapOf: (fontId: number) => Map<number, string>): string[] {
  const out: string[] = [];
  let map = new Map<number, string>();
  const ops = /\/(\S+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\])\s*TJ|(<[0-9a-fA-F]*>)\s*Tj/g;
  for (let m = ops.exec(content); m; m = ops.exec(content)) {
    if (m[1]) {
      const id = fonts.get(m[1]);
      map = id === undefined ? new Map() : mapOf(id);
      continue;
    }
    const hexes = [...(m[2] ?? m[3]!).matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!);
    // pdfkit keeps the space at the end of a wrapped line: a reader shows none
    out.push(
      hexes
        .map((h) =>
          glyphs(h)
            .map((g) => map.get(g) ?? '\uFFFD')
            .join(''),
        )
        .join('')
        .trimEnd(),
    );
  }
  return out;
}

const glyphs = (hex: string) => Array.from({ length: hex.length / 4 }, (_, i) => parseInt(hex.slice(i * 4, i * 4 + 4), 16));

/** bfchar and bfrange entries of a ToUnicode CMap (targets in UTF-16BE hex). */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...Array.from({ length: hex.length / 4 }, (_, i) => parseInt(hex.slice(i * 4, i * 4 + 4), 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(parseInt(m[1]!, 16), utf16(m[2]!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const from = parseInt(m[1]!, 16);
      const to = parseInt(m[2]!, 16);
      const target = m[3]!;
      if (target.startsWith('[')) {
        // a ligature's target is several code units in one string: <0066 0069> is "fi"
        [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((t, i) => map.set(from + i, utf16(t[1]!.replace(/\s/g, ''))));
      } else {
        const base = parseInt(target.slice(1, -1), 16);
        for (let g = from; g <= to; g++) {
          map.set(g, String.fromCharCode(base + g - from));
        }
      }
    }
  }
  return map;
}

/** A PDF string as pdfkit writes Info entries: (literal) with escapes, or <hex> in UTF-16BE with a byte-order mark. */
function decodePdfString(s: string | null): string | null {
  if (!s) {
    return null;
  }
  let bytes: Buffer;
  if (s.startsWith('<')) {
    bytes = Buffer.from(s.slice(1, -1), 'hex');
  } else {
    const body = s
      .slice(1, -1)
      .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
        /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[e] ?? e),
      );
    bytes = Buffer.from(body, 'latin1');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const chars: string[] = [];
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      chars.push(String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!));
    }
    return chars.join('');
  }
  return bytes.toString('latin1');
}
