import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles, SignedIn } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { MarkAllPresentInput, MarkAttendanceInput } from './dto/mark-attendance.input';
import { RegisterSignOffService } from './register-sign-off.service';
import { RegisterService } from './register.service';
import { AttendanceEventType, MarkResultType, RegisterType } from './registers.types';
import { AttendanceHistoryService } from './attendance-history.service';

/** Taking a register: the session's trainers, and coordinators (who also correct signed-off registers). */
@Resolver(() => RegisterType)
export class RegisterResolver {
  constructor(
    private readonly registers: RegisterService,
    private readonly signOffs: RegisterSignOffService,
    private readonly history: AttendanceHistoryService,
  ) {}

  @SignedIn()
  @Query(() => [AttendanceEventType], {
    description: "Every mark on a person's places, newest first (the latest 100): their own, or anyone's for coordinators.",
  })
  attendanceHistory(@CurrentViewer() viewer: Viewer, @IdArg('personId') personId: string): Promise<AttendanceEventType[]> {
    return this.history.history(viewer, personId);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Query(() => RegisterType, { description: "A session part's register: everyone with a confirmed place and their marks." })
  register(@CurrentViewer() viewer: Viewer, @IdArg('partId') partId: string): Promise<RegisterType> {
    return this.registers.register(viewer, partId);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Mutation(() => MarkResultType, {
    description: 'Marks one person on a part (idempotent by clientId; conflicts are reported, not applied).',
  })
  markAttendance(@CurrentViewer() viewer: Viewer, @Args('input') input: MarkAttendanceInput): Promise<MarkResultType> {
    return this.registers.markAttendance(viewer, input);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Mutation(() => RegisterType, { description: 'Marks everyone not yet marked on the part as present.' })
  markAllPresent(@CurrentViewer() viewer: Viewer, @Args('input') input: MarkAllPresentInput): Promise<RegisterType> {
    return this.registers.markAllPresent(viewer, input);
  }

  @Roles(Role.TRAINER, Role.COORDINATOR)
  @Mutation(() => RegisterType, { description: 'Signs the register off: the unmarked become "did not attend", and it is locked.' })
  signOffRegister(@CurrentViewer() viewer: Viewer, @IdArg('partId') partId: string): Promise<RegisterType> {
    return this.signOffs.signOff(viewer, partId);
  }
}
