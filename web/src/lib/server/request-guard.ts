import { MAX_ELEARNING_IMPORT_CHARACTERS, TOO_LARGE_MESSAGE, describeBytes } from '@lh/domain';

/** Every POST here is a form on one of our pages: nothing else is read as a form. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);
/** The largest form worth reading; every field the API takes is far smaller, and the API reads any request it makes (MAX_REQUEST_BYTES). */
export const MAX_FORM_BYTES = 100_000;

/** How large a form may be, and what a person is told when theirs is larger. */
export interface FormLimit {
  bytes: number;
  message: string;
}

/**
 * The largest form a page takes: MAX_FORM_BYTES, except the two forms that carry a file. Learning done
 * elsewhere takes an evidence file of up to EVIDENCE_MAX_BYTES plus the form around it; the e-learning
 * import takes the provider's export (at most MAX_ELEARNING_IMPORT_CHARACTERS, up to 3 bytes each in UTF-8),
 * posted once to check it and once to import it. adapter-node's BODY_SIZE_LIMIT must be above the largest.
 */
export function formLimit(pathname: string, evidenceMaxBytes: number): FormLimit {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/your-record/external/new') {
    return {
      bytes: evidenceMaxBytes + MAX_FORM_BYTES,
      message: `The evidence file must be ${describeBytes(evidenceMaxBytes)} or smaller. Go back, choose a smaller file and send the form again.`,
    };
  }
  if (path === '/manage/e-learning') {
    return {
      bytes: MAX_ELEARNING_IMPORT_CHARACTERS * 3 + MAX_FORM_BYTES,
      message: `The file is too large: an e-learning export can be at most ${MAX_ELEARNING_IMPORT_CHARACTERS / 1000} KB. Go back and upload a smaller file.`,
    };
  }
  return DEFAULT_LIMIT;
}

const DEFAULT_LIMIT: FormLimit = { bytes: MAX_FORM_BYTES, message: TOO_LARGE_MESSAGE };

const plain = (text: string, status: number) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * A form post this app cannot take, as a clear 4xx answer before anything reads it: not a form, too
 * large, or sent from another site. The origin check is ours and runs in every mode (SvelteKit's own
 * check is off under `vite dev`, which `npm start` runs), so another site's page can never post a form
 * here with the visitor's session, the demo stack included.
 */
export function refusePost(request: Request, url: URL, limit: FormLimit = DEFAULT_LIMIT): Response | null {
  if (request.method !== 'POST') {
    return null;
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) {
    return plain('This address takes only forms sent from its own pages. Go back to the page and send the form again.', 415);
  }
  if (request.headers.get('origin') !== url.origin) {
    return plain('This form was not sent from a Learning Hub page, so nothing was done. Go back to the page and send the form again.', 403);
  }
  if (Number(request.headers.get('content-length') ?? 0) > limit.bytes) {
    return plain(limit.message, 413);
  }
  return null;
}

/** Headers every answer carries (the Content Security Policy comes from svelte.config.js, with a nonce per page). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** Adds the security headers to an answer (a page, a file, a redirect) unless it set its own. */
export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) {
      try {
        response.headers.set(name, value);
      } catch {
        // an immutable response (a fetch passed through): leave it as it is
      }
    }
  }
  return response;
}

/** Session cookies are Secure whenever the site is served over https, whatever COOKIE_SECURE says. */
export function secureCookies(url: URL, configured: boolean): boolean {
  return configured || url.protocol === 'https:';
}
