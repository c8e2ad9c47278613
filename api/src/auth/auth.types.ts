import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SignInMethod } from '@lh/domain';
import type { AccountSecurity, SignedInSession } from './sessions.service';
import type { PasswordLinkKind } from './password.service';

registerEnumType(SignInMethod, { name: 'SignInMethod', description: 'How a session began.' });

export enum PasswordLinkKindEnum {
  RESET = 'RESET',
  INVITE = 'INVITE',
}
registerEnumType(PasswordLinkKindEnum, {
  name: 'PasswordLinkKind',
  description: 'RESET: the person asked to reset their password; INVITE: the training team invited them to set one.',
});

@ObjectType('SignedInSession', { description: 'A browser or device where the person is signed in.' })
export class SignedInSessionType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Browser and system, like "Chrome on Android".' }) browser!: string;
  @Field(() => SignInMethod, { nullable: true }) method!: SignInMethod | null;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Noted at most every few minutes.' }) lastUsedAt!: Date | null;
  @Field(() => Boolean, { description: 'The session of the request that asks.' }) thisDevice!: boolean;

  static from(s: SignedInSession): SignedInSessionType {
    return Object.assign(new SignedInSessionType(), {
      id: s.id,
      browser: s.browser,
      method: s.method,
      startedAt: s.startedAt,
      lastUsedAt: s.lastUsedAt,
      thisDevice: s.thisDevice,
    });
  }
}

@ObjectType('AccountSecurity', { description: 'The signed-in person’s password and sessions.' })
export class AccountSecurityType {
  @Field(() => Boolean) hasPassword!: boolean;
  @Field(() => Boolean, { description: 'False when their agency signs them in with its own single sign-on only.' })
  passwordSignIn!: boolean;
  @Field(() => [SignedInSessionType]) sessions!: SignedInSessionType[];

  static from(a: AccountSecurity): AccountSecurityType {
    return Object.assign(new AccountSecurityType(), {
      hasPassword: a.hasPassword,
      passwordSignIn: a.passwordSignIn,
      sessions: a.sessions.map((s) => SignedInSessionType.from(s)),
    });
  }
}

@ObjectType('PasswordLink', { description: 'What a set-password link is for, before it is used.' })
export class PasswordLinkType {
  @Field(() => PasswordLinkKindEnum) kind!: PasswordLinkKindEnum;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;

  static from(l: { kind: PasswordLinkKind; name: string; email: string }): PasswordLinkType {
    return Object.assign(new PasswordLinkType(), { kind: PasswordLinkKindEnum[l.kind], name: l.name, email: l.email });
  }
}
