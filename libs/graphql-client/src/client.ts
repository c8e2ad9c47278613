import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ErrorCode, TOO_LARGE_MESSAGE } from '@lh/domain';

export interface ApiFieldProblem {
  field: string;
  message: string;
}

export interface ApiError {
  message: string;
  code: string;
  fields: ApiFieldProblem[];
  /** The HTTP status that best describes the error (the API's extensions.status), when it gives one. */
  status?: number;
}

/** The API answered with errors (or not at all). `errors[0].code` is the stable code to branch on. */
export class ApiRequestError extends Error {
  constructor(
    readonly errors: ApiError[],
    private readonly httpStatus: number,
  ) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'ApiRequestError';
  }

  /** The status that describes the first error: GraphQL answers errors with HTTP 200, so prefer the API's own. */
  get status(): number {
    return this.errors[0]?.status ?? (this.httpStatus >= 400 ? this.httpStatus : 500);
  }

  get code(): string {
    return this.errors[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }

  /** Problems by input field path without the argument name ("filter.level" -> "level"). */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      for (const f of e.fields) {
        out[f.field.split('.').slice(1).join('.') || f.field] ??= f.message;
      }
    }
    return out;
  }
}

export interface RequestOptions {
  /** Cookie header to forward (the session cookie). */
  cookie?: string;
  /** Other headers to send, such as the browser's User-Agent and address (X-Forwarded-For) the web server passes on. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResult<T> {
  data: T;
  /** Set-Cookie headers the API sent back (sign-in, sign-out). */
  setCookies: string[];
}

type GraphQLResponse = {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; fields?: ApiFieldProblem[]; status?: number } }[];
};

/** A typed GraphQL client over fetch, for operations generated from the committed schema. */
export function createApiClient(url: string, fetchImpl: typeof fetch = fetch) {
  return async function request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    options: RequestOptions = {},
  ): Promise<ApiResult<TResult>> {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          ...options.headers,
          'content-type': 'application/json',
          accept: 'application/json',
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
        body: JSON.stringify({ query: print(document), variables }),
        signal: options.signal,
      });
    } catch {
      throw new ApiRequestError(
        [{ message: 'The service is not available at the moment. Please try again shortly.', code: 'UNAVAILABLE', fields: [] }],
        503,
      );
    }
    const body = (await response.json().catch(() => ({}))) as GraphQLResponse;
    if (body.errors?.length) {
      throw new ApiRequestError(
        body.errors.map((e) => ({
          message: e.message,
          code: e.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
          fields: e.extensions?.fields ?? [],
          status: e.extensions?.status,
        })),
        response.status,
      );
    }
    if (response.status === 413) {
      // too large for something on the way that did not answer in GraphQL's shape: still say so, not "not available"
      throw new ApiRequestError([{ message: TOO_LARGE_MESSAGE, code: ErrorCode.TooLarge, fields: [], status: 413 }], 413);
    }
    if (!response.ok || body.data === undefined) {
      throw new ApiRequestError(
        [{ message: 'The service is not available at the moment. Please try again shortly.', code: 'UNAVAILABLE', fields: [] }],
        response.status,
      );
    }
    return { data: body.data as TResult, setCookies: response.headers.getSetCookie?.() ?? [] };
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
