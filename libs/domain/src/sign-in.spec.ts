import { describeUserAgent, signInWaitSeconds, tryAgainSentence } from './sign-in';

describe('signInWaitSeconds', () => {
  const o = { freeFailures: 5, firstWaitSeconds: 60, maxWaitSeconds: 3600 };
  it('waits nothing for the first four failures, then 1 minute, doubling, at most an hour', () => {
    expect([1, 2, 3, 4].map((n) => signInWaitSeconds(n, o))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => signInWaitSeconds(n, o))).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });
});

describe('tryAgainSentence', () => {
  it('rounds up to whole minutes, with the right plural, and hours for long waits', () => {
    expect(tryAgainSentence(1)).toBe('Try again in 1 minute.');
    expect(tryAgainSentence(60_000)).toBe('Try again in 1 minute.');
    expect(tryAgainSentence(60_001)).toBe('Try again in 2 minutes.');
    expect(tryAgainSentence(90 * 60_000)).toBe('Try again in 90 minutes.');
    expect(tryAgainSentence(91 * 60_000)).toBe('Try again in 2 hours.');
  });
});

describe('describeUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iPhone',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge on Windows',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0', 'Firefox on Mac'],
    [
      'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      'Samsung Internet on Android',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome on Linux'],
    ['curl/8.5.0', 'Unknown browser'],
    [null, 'Unknown browser'],
  ])('%s is "%s"', (ua, label) => {
    expect(describeUserAgent(ua)).toBe(label);
  });
});
