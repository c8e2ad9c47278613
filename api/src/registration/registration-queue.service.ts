import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { AgencyRequestStatus, AuditAction, DomainError, ErrorCode, PersonStatus, personStatusLabels } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Agency } from '../people/agency.entity';
import { AgencyRequest } from '../people/agency-request.entity';
import { Person } from '../people/person.entity';
import type { CreateAgencyFromRequestInput } from './dto/create-agency-from-request.input';
import { RegistrationMailer } from './registration-mailer';
import { AgencyRequestType, PendingRegistrationType, RegistrationQueueType } from './registration.types';
import { AuditLog } from '../audit/audit-log';

const REQUEST_POPULATE = ['person', 'requestedAgency', 'fromAgency', 'resultAgency'] as const;

const requestOutcome: Record<Exclude<AgencyRequestStatus, AgencyRequestStatus.PENDING>, string> = {
  [AgencyRequestStatus.CREATED]: 'the agency was created',
  [AgencyRequestStatus.MAPPED]: 'it was mapped to an agency',
  [AgencyRequestStatus.REFUSED]: 'it was refused',
};

/**
 * The coordinators' queue: registrations whose address is confirmed but that wait for approval, and
 * requests for an agency (one not listed, or a move). Each decision locks its row first, so when two
 * coordinators decide the same thing at once one wins and the other is told what happened.
 */
@Injectable()
export class RegistrationQueueService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly mailer: RegistrationMailer,
  ) {}

  async queue(viewer: Viewer): Promise<RegistrationQueueType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const people = await em.find(
      Person,
      { status: PersonStatus.PENDING_APPROVAL },
      { populate: ['agency'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const requests = await em.find(
      AgencyRequest,
      { status: AgencyRequestStatus.PENDING, person: { status: { $ne: PersonStatus.UNVERIFIED } } },
      { populate: REQUEST_POPULATE, orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const byPerson = new Map(requests.map((r) => [r.person.id, r]));
    return Object.assign(new RegistrationQueueType(), {
      registrations: people.map((p) => PendingRegistrationType.from(p, byPerson.get(p.id))),
      agencyRequests: requests.map((r) => AgencyRequestType.from(r)),
    });
  }

  /** How many decisions wait (for the Manage page). Nothing of an address not yet confirmed is shown. */
  async count(viewer: Viewer): Promise<number> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const [people, requests] = await Promise.all([
      em.count(Person, { status: PersonStatus.PENDING_APPROVAL }),
      em.count(AgencyRequest, { status: AgencyRequestStatus.PENDING, person: { status: { $ne: PersonStatus.UNVERIFIED } } }),
    ]);
    return people + requests;
  }

  async approveRegistration(viewer: Viewer, personId: string): Promise<PendingRegistrationType> {
    requireCoordinator(viewer);
    const person = await this.em.fork().transactional(async (em) => {
      const p = await this.pendingPerson(em, personId);
      p.status = PersonStatus.ACTIVE;
      await this.mailer.approved(em, p);
      return p;
    });
    return PendingRegistrationType.from(person, undefined);
  }

  /** Refuses a registration (and any agency request that came with it), telling the person why. */
  async refuseRegistration(
    viewer: Viewer,
    personId: string,
    reason: string | null,
    now = this.clock.now(),
  ): Promise<PendingRegistrationType> {
    requireCoordinator(viewer);
    const why = reason?.trim() || null;
    const person = await this.em.fork().transactional(async (em) => {
      const p = await this.pendingPerson(em, personId);
      p.status = PersonStatus.REFUSED;
      await em.nativeUpdate(
        AgencyRequest,
        { person: p.id, status: AgencyRequestStatus.PENDING },
        { status: AgencyRequestStatus.REFUSED, decidedAt: now, decidedBy: viewer.id, reason: why ?? 'The registration was refused' },
      );
      await this.mailer.refused(em, p, why);
      return p;
    });
    return PendingRegistrationType.from(person, undefined);
  }

  /** Creates the agency the person asked for and puts them in it. */
  async createAgency(
    viewer: Viewer,
    requestId: string,
    input: CreateAgencyFromRequestInput,
    now = this.clock.now(),
  ): Promise<AgencyRequestType> {
    requireCoordinator(viewer);
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (!name) {
      throw new DomainError(ErrorCode.BadUserInput, "Enter the agency's name", [
        { field: 'input.name', message: "Enter the agency's name" },
      ]);
    }
    const alreadyThere = () => {
      const message = `There is already an agency called ${name}: map the request to it instead`;
      return new DomainError(ErrorCode.BadUserInput, message, [{ field: 'input.name', message }]);
    };
    try {
      return await this.em.fork().transactional(async (em) => {
        const request = await this.pendingRequest(em, requestId);
        if (await em.findOne(Agency, { name: { $ilike: name.replace(/[\\%_]/g, '\\$&') } })) {
          throw alreadyThere();
        }
        const agency = em.create(Agency, { name, sector: input.sector, createdAt: now });
        return this.decide(em, viewer, request, AgencyRequestStatus.CREATED, { agency, now });
      });
    } catch (e) {
      throw e instanceof UniqueConstraintViolationException ? alreadyThere() : e;
    }
  }

  /** Puts the person in an agency that already exists (the one they meant, or the one they asked to move to). */
  async mapToAgency(viewer: Viewer, requestId: string, agencyId: string, now = this.clock.now()): Promise<AgencyRequestType> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const request = await this.pendingRequest(em, requestId);
      const agency = await em.findOne(Agency, agencyId);
      const wrong = !agency
        ? 'Choose an agency from the list'
        : agency.retiredAt
          ? `${agency.name} is retired: choose an agency that is still a partner`
          : null;
      if (wrong) {
        throw new DomainError(ErrorCode.BadUserInput, wrong, [{ field: 'agencyId', message: wrong }]);
      }
      return this.decide(em, viewer, request, AgencyRequestStatus.MAPPED, { agency: agency!, now });
    });
  }

  async refuseAgencyRequest(viewer: Viewer, requestId: string, reason: string | null, now = this.clock.now()): Promise<AgencyRequestType> {
    requireCoordinator(viewer);
    return this.em.fork().transactional(async (em) => {
      const request = await this.pendingRequest(em, requestId);
      request.reason = reason?.trim() || null;
      return this.decide(em, viewer, request, AgencyRequestStatus.REFUSED, { agency: null, now });
    });
  }

  private async decide(
    em: EntityManager,
    viewer: Viewer,
    request: AgencyRequest,
    status: Exclude<AgencyRequestStatus, AgencyRequestStatus.PENDING>,
    { agency, now }: { agency: Agency | null; now: Date },
  ): Promise<AgencyRequestType> {
    request.status = status;
    request.resultAgency = agency;
    request.decidedAt = now;
    request.decidedBy = em.getReference(Person, viewer.id);
    if (agency) {
      const previous = request.person.agency ? await em.findOne(Agency, request.person.agency.id) : null;
      if (previous?.id !== agency.id) {
        AuditLog.record(em, viewer, {
          action: AuditAction.AGENCY_CHANGED,
          at: now,
          subject: { type: 'person', id: request.person.id },
          subjectPerson: { id: request.person.id, name: request.person.name },
          before: { agency: previous?.name ?? null },
          after: { agency: agency.name },
        });
      }
      // bookings keep the agency they were made under (Booking.agency); new ones take this one
      request.person.agency = agency;
    }
    await em.flush();
    await this.mailer.agencyRequestDecided(em, request);
    return AgencyRequestType.from(request);
  }

  /** The person, locked, if their registration still waits; otherwise says what happened to it. */
  private async pendingPerson(em: EntityManager, personId: string): Promise<Person> {
    const person = await em.findOne(Person, personId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!person || person.status === PersonStatus.UNVERIFIED) {
      throw new DomainError(ErrorCode.NotFound, 'There is no registration waiting with that id.');
    }
    if (person.status !== PersonStatus.PENDING_APPROVAL) {
      throw new DomainError(
        ErrorCode.AlreadyDecided,
        `${person.name}'s registration has already been decided, probably by another coordinator just now. Their account is: ${personStatusLabels[person.status as PersonStatus]}.`,
      );
    }
    return person;
  }

  /** The request, locked, if it still waits; otherwise says what happened to it. */
  private async pendingRequest(em: EntityManager, requestId: string): Promise<AgencyRequest> {
    const request = await em.findOne(AgencyRequest, requestId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request) {
      throw new DomainError(ErrorCode.NotFound, 'There is no agency request with that id.');
    }
    await em.populate(request, REQUEST_POPULATE);
    if (request.status !== AgencyRequestStatus.PENDING) {
      throw new DomainError(
        ErrorCode.AlreadyDecided,
        `${request.person.name}'s agency request has already been decided, probably by another coordinator just now: ${requestOutcome[request.status as Exclude<AgencyRequestStatus, AgencyRequestStatus.PENDING>]}.`,
      );
    }
    return request;
  }
}
