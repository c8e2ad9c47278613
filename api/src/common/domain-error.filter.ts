import { Catch, HttpException, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError, httpStatusFor } from '@lh/domain';
import type { Request, Response } from 'express';
import { logUnexpected } from './graphql-errors';

/**
 * Every error thrown while answering, in one place. Domain errors are answers, not failures: hand
 * them to GraphQL (formatGraphQLError gives them their code and sentence) without Nest logging each
 * one as an error; on REST routes, answer with the code's HTTP status and the same { code, message }.
 * Other errors in GraphQL go on to formatGraphQLError too, which logs each one once, without the
 * values it was about (Nest's own handler would log the driver's message, SQL and values included).
 */
@Catch()
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') {
      return error;
    }
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      res.status(httpStatusFor(error.code)).json({ code: error.code, message: error.message });
      return;
    }
    if (error instanceof HttpException) {
      res.status(error.getStatus()).json(error.getResponse());
      return;
    }
    const req = host.switchToHttp().getRequest<Request>();
    logUnexpected(error, `${req.method} ${req.route ? String((req.route as { path: unknown }).path) : 'route'}`);
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.' });
  }
}
