import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ReasonArg, TextArg } from '../common/text-arg';
import { Role } from '@lh/domain';
import { CurrentViewer, Public, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { ApprovalService } from './approval.service';
import { ApprovalRequestType, BookingType } from './booking.types';

/** Approval links carry a signed token of a few hundred characters; anything far longer is not one. */
const TokenArg = () =>
  TextArg('token', { maxLength: 2000, message: 'This approval link is not complete or has been changed: use the link from the email' });

/** Line-manager approval: by signed link (no sign-in), or declined by the training team on the manager's behalf. */
@Resolver(() => ApprovalRequestType)
export class ApprovalResolver {
  constructor(private readonly approvals: ApprovalService) {}

  @Public()
  @Query(() => ApprovalRequestType, { description: "What a line manager's signed approval link is about (no sign-in)." })
  approvalRequest(@TokenArg() token: string): Promise<ApprovalRequestType> {
    return this.approvals.approvalRequest(token);
  }

  @Public()
  @Mutation(() => ApprovalRequestType, { description: 'The line manager approves or declines through their signed link (single use).' })
  decideApproval(
    @TokenArg() token: string,
    @Args('approve', { type: () => Boolean }) approve: boolean,
    @ReasonArg() reason?: string,
  ): Promise<ApprovalRequestType> {
    return this.approvals.decideByToken(token, approve, reason?.trim() || null);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => BookingType, { description: "Declines a booking awaiting approval on the line manager's behalf." })
  declineBooking(
    @CurrentViewer() viewer: Viewer,
    @IdArg('bookingId') bookingId: string,
    @ReasonArg() reason?: string,
  ): Promise<BookingType> {
    return this.approvals.declineOnBehalf(viewer, bookingId, reason?.trim() || null);
  }
}
