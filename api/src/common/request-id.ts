import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestContext } from './json-logger';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id a caller may choose: letters, digits and - _ . : up to 100 characters (anything else is replaced). */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;

export type RequestWithId = Request & { requestId?: string };

/**
 * The one request id of a request: the caller's X-Request-Id when it is a plain token, else a new
 * UUID; sent back in the response's X-Request-Id. The access guard copies it onto the viewer, so a
 * service records it (in the audit log) without another argument; every log line written while serving
 * the request carries it (requestContext, read by JsonLogger).
 */
export function requestIdMiddleware(req: RequestWithId, res: Response, next: NextFunction): void {
  const sent = req.headers[REQUEST_ID_HEADER];
  const id = typeof sent === 'string' && ACCEPTABLE.test(sent) ? sent : randomUUID();
  req.requestId = id;
  res.setHeader('X-Request-Id', id);
  requestContext.run({ requestId: id }, next);
}
