import { MailKind } from '@lh/domain';
import { anAgency } from '../../test/builders';
import { gql, type TestApi } from '../../test/test-db';
import type { Agency } from '../people/agency.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';

export const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) }`;
export const CONFIRM = `mutation($token: String!) { confirmRegistration(token: $token) { email active } }`;
export const LINK = `query($token: String!) { registrationLink(token: $token) { name email } }`;
export const RESEND = `mutation($email: String!) { resendRegistrationLink(email: $email) }`;
export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

/** A strong enough password for the registration rule. */
export const PASSWORD = 'correct horse battery staple';

export async function agencyWith(
  api: TestApi,
  over: { emailDomains?: string[]; retiredAt?: Date | null; name?: string } = {},
): Promise<Agency> {
  const em = api.orm.em.fork();
  const agency = await anAgency(em, over.name ? { name: over.name } : {});
  agency.emailDomains = over.emailDomains ?? [];
  agency.retiredAt = over.retiredAt ?? null;
  await em.flush();
  return agency;
}

export function registration(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Sam Okafor', password: PASSWORD, jobTitle: 'Health visitor', team: 'North locality', ...over };
}

export const register = (api: TestApi, input: Record<string, unknown>) => gql<{ register: boolean }>(api.url, REGISTER, { input });

/** Mail queued to an address, oldest first (the outbox rows: what the SMTP server later receives). */
export function mailTo(api: TestApi, email: string, kind?: MailKind): Promise<OutboxMessage[]> {
  return api.orm.em
    .fork()
    .find(OutboxMessage, { toEmail: email.toLowerCase(), ...(kind ? { kind } : {}) }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/** The token of the confirmation link in a mail's text. */
export function confirmToken(text: string): string {
  const m = /\/register\/confirm\/([A-Za-z0-9_-]+)/.exec(text);
  if (!m) {
    throw new Error(`No confirmation link in: ${text}`);
  }
  return m[1]!;
}

export async function lastConfirmToken(api: TestApi, email: string): Promise<string> {
  const mails = await mailTo(api, email);
  const withLink = mails.filter((m) => /\/register\/confirm\//.test(m.text));
  return confirmToken(withLink.at(-1)!.text);
}
