import { AsyncLocalStorage } from 'node:async_hooks';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** What is known about the request a piece of work belongs to, wherever it logs from (set by requestIdMiddleware). */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** Email addresses: personal data, never written to a log (a mail's id says which mail it was). */
const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** A log line's text with anything personal or secret taken out: email addresses, and whatever follows "password", "token" or "secret". */
export function redactForLog(text: string): string {
  return text.replace(EMAIL, '[email]').replace(/\b(password|token|secret)(\s*[=:]\s*)\S+/gi, '$1$2[hidden]');
}

/**
 * The API's one logger: one JSON object per line on stdout/stderr (level, time, context, message, and the
 * request id when the line was written while serving a request), so logs can be searched and joined to the
 * audit log and the X-Request-Id a user reports. Messages and stacks pass through `redactForLog`.
 */
export class JsonLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super({ json: true, colors: false, logLevels: levels });
  }

  protected override getJsonLogObject(
    message: unknown,
    options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown },
  ) {
    const base = super.getJsonLogObject(typeof message === 'string' ? redactForLog(message) : message, {
      ...options,
      errorStack: typeof options.errorStack === 'string' ? redactForLog(options.errorStack) : options.errorStack,
    });
    const requestId = requestContext.getStore()?.requestId;
    return { ...base, time: new Date(base.timestamp).toISOString(), ...(requestId ? { requestId } : {}) };
  }
}
