import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { NotificationsModule } from '../notifications/notifications.module';
import { AccessGuard } from './access.guard';
import { AccountTokenService } from './account-token.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordResolver } from './password.resolver';
import { PasswordService } from './password.service';
import { RateLimitModule } from './rate-limit.module';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';
import { SignInLinkResolver } from './sign-in-link.resolver';
import { SignInLinkService } from './sign-in-link.service';
import { SsoService } from './sso/sso.service';
import { SsoResolver } from './sso/sso.resolver';

/**
 * Signing in and sessions: passwords, one-time links, "where you are signed in", and the rate limits
 * (RateLimitModule, global) every module can use.
 */
@Module({
  imports: [NotificationsModule, RateLimitModule],
  providers: [
    AuthService,
    AccountTokenService,
    SignInLinkService,
    PasswordService,
    SessionsService,
    AuthResolver,
    SignInLinkResolver,
    PasswordResolver,
    SessionsResolver,
    SsoService,
    SsoResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, AccountTokenService],
})
export class AuthModule {}
