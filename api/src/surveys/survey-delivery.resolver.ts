import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, SignedIn } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import { TextArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { SurveyOptOutService } from './survey-opt-out.service';

const TokenArg = () =>
  TextArg('token', { maxLength: 2000, message: 'This link is not complete or has been changed: use the link from the email' });

/** Survey delivery: stopping impact surveys, and the evaluation a register screen's QR code opens. */
@Resolver()
export class SurveyDeliveryResolver {
  constructor(private readonly optOut: SurveyOptOutService) {}

  @SignedIn()
  @Query(() => Boolean, { description: 'True when the signed-in person has stopped impact surveys (6 and 12 months).' })
  impactSurveysStopped(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.optOut.mine(viewer);
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Stops (true) or restarts (false) impact surveys; the end-of-course evaluation is still offered.',
  })
  setImpactSurveysStopped(@CurrentViewer() viewer: Viewer, @Args('stopped', { type: () => Boolean }) stopped: boolean): Promise<boolean> {
    return this.optOut.setMine(viewer, stopped);
  }

  @Public()
  @Mutation(() => String, { description: "Stops impact surveys by the link in a survey mail (no sign-in); returns the person's name." })
  stopImpactSurveysByLink(@TokenArg() token: string): Promise<string> {
    return this.optOut.optOutByLink(token);
  }

  @SignedIn()
  @Query(() => String, {
    nullable: true,
    description: "The personal link token of the signed-in person's evaluation for a session; null until the register is signed off.",
  })
  evaluationForSession(@CurrentViewer() viewer: Viewer, @IdArg('sessionId') sessionId: string): Promise<string | null> {
    return this.optOut.evaluationFor(viewer, sessionId);
  }
}
