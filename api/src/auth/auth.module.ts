import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AccountTokenService } from './account-token.service';
import { SsoService } from './sso/sso.service';
import { SsoResolver } from './sso/sso.resolver';

@Module({
  providers: [AuthService, AccountTokenService, AuthResolver, SsoService, SsoResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, AccountTokenService],
})
export class AuthModule {}
