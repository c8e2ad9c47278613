import type { MeQuery } from '@lh/graphql-client';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in person, or null. */
      me: MeQuery['me'];
      /** The session cookie to forward to the API ("lh_session=..."), if any. */
      apiCookie: string | undefined;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
