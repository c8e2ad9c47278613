import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, requestIdFrom } from '@lh/domain';
import { requestContext } from './json-logger';

export type RequestWithId = Request & { requestId?: string };

/**
 * The one request id of a request: the caller's X-Request-Id when it is a plain token (the web app sends
 * the one it gave the browser's request), else a new UUID; sent back in the response's X-Request-Id. The access guard copies it onto the viewer, so a
 * service records it (in the audit log) without another argument; every log line written while serving
 * the request carries it (requestContext, read by JsonLogger).
 */
export function requestIdMiddleware(req: RequestWithId, res: Response, next: NextFunction): void {
  const sent = req.headers[REQUEST_ID_HEADER];
  const id = requestIdFrom(typeof sent === 'string' ? sent : null);
  req.requestId = id;
  res.setHeader('X-Request-Id', id);
  requestContext.run({ requestId: id }, next);
}
