import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators';
import { TextArg } from '../common/text-arg';
import { RateLimitName } from '../auth/rate-limit.service';
import { RateLimited } from '../auth/rate-limited.decorator';
import { RegisterInput } from './dto/register.input';
import { RegistrationService } from './registration.service';
import { RegistrationAgencyType, RegistrationConfirmationType, RegistrationLinkType } from './registration.types';

const tokenArg = () =>
  TextArg('token', { maxLength: 200, message: 'This link is not valid. Check you copied all of it from the email, or ask for a new one.' });

/** Registering for an account: open to anyone, and never says whether an address already has one. */
@Resolver()
export class RegistrationResolver {
  constructor(private readonly registration: RegistrationService) {}

  @Public()
  @Query(() => [RegistrationAgencyType], {
    description: 'The agencies people can say they work for when registering (not retired), by name.',
  })
  registrationAgencies(): Promise<RegistrationAgencyType[]> {
    return this.registration.agencies();
  }

  @Public()
  @RateLimited(RateLimitName.REGISTRATION_PER_IP)
  @Mutation(() => Boolean, {
    description:
      'Registers for an account and mails a link to confirm the address. The answer is the same whether or not the address already has an account (the mail says what to do).',
  })
  async register(@Args('input') input: RegisterInput): Promise<boolean> {
    await this.registration.register(input);
    return true;
  }

  @Public()
  @Query(() => RegistrationLinkType, { description: 'Whom a confirmation link is for, without using it.' })
  registrationLink(@tokenArg() token: string): Promise<RegistrationLinkType> {
    return this.registration.confirmationLink(token);
  }

  @Public()
  @Mutation(() => RegistrationConfirmationType, {
    description: 'Uses a confirmation link: confirms the address; the account is active at once or waits for a coordinator.',
  })
  confirmRegistration(@tokenArg() token: string): Promise<RegistrationConfirmationType> {
    return this.registration.confirm(token);
  }

  @Public()
  @RateLimited(RateLimitName.REGISTRATION_PER_IP)
  @Mutation(() => Boolean, {
    description: 'Sends a new confirmation link to an unconfirmed account at this address. The answer never says whether there is one.',
  })
  async resendRegistrationLink(
    @TextArg('email', { maxLength: 320, message: 'Your email address must be 320 characters or fewer' }) email: string,
  ): Promise<boolean> {
    await this.registration.resendConfirmation(email);
    return true;
  }
}
