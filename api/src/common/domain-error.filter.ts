import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError, httpStatusFor } from '@lh/domain';
import type { Response } from 'express';

/**
 * Domain errors are answers, not failures: hand them to GraphQL (formatGraphQLError gives them their
 * code and sentence) without Nest logging each one as an error. On REST routes, answer with the
 * code's HTTP status and the same { code, message }.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<string>() === 'http') {
      host.switchToHttp().getResponse<Response>().status(httpStatusFor(error.code)).json({ code: error.code, message: error.message });
      return;
    }
    return error;
  }
}
