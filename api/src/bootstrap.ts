import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { json, type NextFunction, type Request, type Response } from 'express';
import { ErrorCode, TOO_LARGE_MESSAGE, httpStatusFor } from '@lh/domain';
import type { AppConfig } from './config/config';
import { AppModule } from './app.module';
import { JsonLogger } from './common/json-logger';
import { requestIdMiddleware } from './common/request-id';

/** The largest request body the API reads: a GraphQL operation with its variables (the web app's forms stop at 100 KB). */
export const MAX_REQUEST_BYTES = 200 * 1024;
/** The header the web app sends with an upload of learning done elsewhere, whose body may be as large as evidenceRequestBytes. */
export const EVIDENCE_UPLOAD_HEADER = 'x-lh-upload';
/** A request carrying an evidence file of at most `maxBytes` in base64, with the form's other fields. */
export const evidenceRequestBytes = (maxBytes: number) => Math.ceil((maxBytes * 4) / 3) + MAX_REQUEST_BYTES;

/**
 * A body the parser refuses (too large, not JSON) is answered the way GraphQL answers errors, with a
 * code and a sentence, so clients show the sentence instead of "service not available".
 */
function refusedBody(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (err as { type?: unknown } | null)?.type;
  const [code, message] =
    type === 'entity.too.large'
      ? [ErrorCode.TooLarge, TOO_LARGE_MESSAGE]
      : type === 'entity.parse.failed'
        ? [ErrorCode.BadUserInput, 'The request is not valid JSON.']
        : [null, ''];
  if (!code) {
    next(err);
    return;
  }
  const status = httpStatusFor(code);
  res.status(status).json({ errors: [{ message, extensions: { code, status } }] });
}

/** Builds the HTTP app (used by main.ts and by tests). */
export async function createApp(config: AppConfig, opts: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: opts.logger === false ? false : new JsonLogger(['error', 'warn', 'log']),
    cors: { origin: config.webOrigin, credentials: true },
    // the one body parser is ours (below), so its refusals get an answer clients can read
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  // Only the upload of learning done elsewhere (its evidence file, in base64) may be larger than any form.
  const ordinary = json({ limit: MAX_REQUEST_BYTES });
  const upload = json({ limit: evidenceRequestBytes(config.evidenceMaxBytes) });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.headers[EVIDENCE_UPLOAD_HEADER] === 'evidence' ? upload : ordinary)(req, res, next),
  );
  app.use(refusedBody);
  app.use(cookieParser());
  // The client's IP address (rate limits) comes from X-Forwarded-For only when a trusted proxy, by default the web server on this machine, sent it.
  app.set('trust proxy', config.trustProxy);
  app.enableShutdownHooks();
  return app;
}
