/** How a signed-in session began. */
export enum SignInMethod {
  PASSWORD = 'PASSWORD',
  LINK = 'LINK',
  SSO = 'SSO',
}

export const signInMethodLabels: Record<`${SignInMethod}`, string> = {
  [SignInMethod.PASSWORD]: 'Email and password',
  [SignInMethod.LINK]: 'Sign-in link by email',
  [SignInMethod.SSO]: 'Your organisation’s single sign-on',
};

/**
 * How long an account waits after its `failures`-th wrong password, in seconds (0: no wait yet).
 * `freeFailures` are free; then `firstWaitSeconds`, doubling with each further failure, up to `maxWaitSeconds`.
 * With 5, 60 and 3600: failures 1-4 wait nothing, the 5th 1 minute, the 6th 2, the 7th 4, ... at most an hour.
 */
export function signInWaitSeconds(failures: number, o: { freeFailures: number; firstWaitSeconds: number; maxWaitSeconds: number }): number {
  if (failures < o.freeFailures) {
    return 0;
  }
  const doublings = Math.min(failures - o.freeFailures, 30);
  return Math.min(o.firstWaitSeconds * 2 ** doublings, o.maxWaitSeconds);
}

/** "Try again in 2 minutes." for a wait in milliseconds (rounded up to whole minutes, hours past 90 minutes). */
export function tryAgainSentence(msBeforeNext: number): string {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  if (minutes > 90) {
    const hours = Math.ceil(minutes / 60);
    return `Try again in ${hours} hours.`;
  }
  return `Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/**
 * A browser's description of itself ("Mozilla/5.0 (Linux; Android 14) ... Chrome/131 Mobile Safari/537.36")
 * shortened to what a person recognises: "Chrome on Android". Unknown parts become "A browser" / "another device".
 */
export function describeUserAgent(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = browserOf(ua);
  const system = systemOf(ua);
  if (!browser && !system) {
    return 'Unknown browser';
  }
  return `${browser ?? 'A browser'} on ${system ?? 'another device'}`;
}

function browserOf(ua: string): string | null {
  const rules: [RegExp, string][] = [
    [/\bEdg(e|A|iOS)?\//, 'Edge'],
    [/\bSamsungBrowser\//, 'Samsung Internet'],
    [/\b(OPR|Opera)\//, 'Opera'],
    [/\b(Firefox|FxiOS)\//, 'Firefox'],
    [/(Chrome|CriOS|Chromium)\//, 'Chrome'],
    [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
  ];
  return rules.find(([re]) => re.test(ua))?.[1] ?? null;
}

function systemOf(ua: string): string | null {
  const rules: [RegExp, string][] = [
    [/\biPad\b/, 'iPad'],
    [/\b(iPhone|iPod)\b/, 'iPhone'],
    [/\bAndroid\b/, 'Android'],
    [/\bCrOS\b/, 'ChromeOS'],
    [/\bWindows\b/, 'Windows'],
    [/\bMac OS X\b|\bMacintosh\b/, 'Mac'],
    [/\bLinux\b/, 'Linux'],
  ];
  return rules.find(([re]) => re.test(ua))?.[1] ?? null;
}
