import type { MeQuery } from '@lh/graphql-client';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in person, or null. */
      me: MeQuery['me'];
      /** The session cookie to forward to the API ("lh_session=..."), if any. */
      apiCookie: string | undefined;
      /** The browser's User-Agent and address, passed on to the API (rate limits, "where you are signed in"). */
      browserHeaders: Record<string, string>;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
