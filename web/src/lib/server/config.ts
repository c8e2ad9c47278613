import { env } from '$env/dynamic/private';
import { DEFAULT_EVIDENCE_MAX_BYTES } from '@lh/domain';

/** The web app's settings: the only place it reads the environment. */
function required(name: string, fallback?: string): string {
  const value = env[name] ?? fallback;
  if (!value) {
    throw new Error(`Learning Hub web cannot start: ${name} is not set`);
  }
  return value;
}

const apiUrl = required('API_URL', 'http://127.0.0.1:3000').replace(/\/$/, '');
if (!/^https?:\/\/.+/.test(apiUrl)) {
  throw new Error(`Learning Hub web cannot start: API_URL must be an http(s) URL, got "${apiUrl}"`);
}

const cookieSecure = required('COOKIE_SECURE', 'false');
if (cookieSecure !== 'true' && cookieSecure !== 'false') {
  throw new Error('Learning Hub web cannot start: COOKIE_SECURE must be true or false');
}

if (env.NODE_ENV === 'production' && env.ORIGIN && !env.ORIGIN.startsWith('https:') && !env.COOKIE_SECURE) {
  console.warn('Learning Hub web: ORIGIN is not https, so sign-in cookies are not marked Secure. Serve the site over https in production.');
}

// the same setting as the API's: the largest evidence file with learning done elsewhere
const evidenceMaxBytes = Number(env.EVIDENCE_MAX_BYTES ?? DEFAULT_EVIDENCE_MAX_BYTES);
if (!Number.isInteger(evidenceMaxBytes) || evidenceMaxBytes < 1024) {
  throw new Error('Learning Hub web cannot start: EVIDENCE_MAX_BYTES must be a whole number of bytes, such as 5242880 for 5 MB');
}

export const config = {
  /** The API's own address (REST routes such as calendar feeds); browsers never talk to it directly. */
  apiUrl,
  graphqlUrl: `${apiUrl}/graphql`,
  cookieSecure: cookieSecure === 'true',
  /** The largest evidence file (EVIDENCE_MAX_BYTES, as the API has it): the form says it and its post may be this much larger. */
  evidenceMaxBytes,
};
