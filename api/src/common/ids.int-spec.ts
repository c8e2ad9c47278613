import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLNonNull,
  GraphQLScalarType,
  getNamedType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql';
import { Role } from '@lh/domain';
import { aPerson } from '../../test/builders';
import { operationDocument, rootOperations, type Operation } from '../../test/operations';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';

/** Ids that are not UUIDs: too short, the right length but not hex, SQL, a NUL byte. */
const BAD_IDS = ['abc', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', "1' or '1'='1", '------------------------------------', 'a\u0000b'];

/** Ids that are not UUIDs reach no resolver and no query: every operation answers BAD_USER_INPUT naming the argument. */
describe('ids are checked at the edge', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    cookie = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR, Role.PRACTITIONER] }));
  });
  afterAll(() => api.close());

  /** A harmless value for another required argument of an operation. */
  function valueFor(type: GraphQLInputType): unknown {
    const named = getNamedType(type);
    if (isListType(isNonNullType(type) ? type.ofType : type)) {
      return [];
    }
    if (named instanceof GraphQLEnumType) {
      return named.getValues()[0]!.value as unknown;
    }
    if (named instanceof GraphQLScalarType) {
      switch (named.name) {
        case 'Boolean':
          return true;
        case 'Int':
        case 'Float':
          return 1;
        case 'ID':
          return '3f2a9c1e-0b7d-4c1a-9e2f-6a5b4c3d2e1f';
        case 'DateTime':
          return new Date().toISOString();
        default:
          return 'x';
      }
    }
    // an input object: its required fields, each with a harmless value
    const value: Record<string, unknown> = {};
    for (const f of Object.values(named instanceof GraphQLInputObjectType ? named.getFields() : {})) {
      if (isNonNullType(f.type)) {
        value[f.name] = valueFor(f.type);
      }
    }
    return value;
  }

  /** Every query and mutation with an id argument that names a record (caught mail is named by its file). */
  function operationsWithIdArgs(): (Operation & { idArg: string })[] {
    return rootOperations(api.app.get(GraphQLSchemaHost).schema).flatMap((op) =>
      op.field.name === 'caughtMailMessage'
        ? []
        : op.field.args.filter((arg) => getNamedType(arg.type).name === 'ID').map((arg) => ({ ...op, idArg: arg.name })),
    );
  }

  it('finds the operations to check', () => {
    const names = operationsWithIdArgs().map((o) => o.field.name);
    expect(names).toEqual(expect.arrayContaining(['booking', 'course', 'session', 'sessionRoster', 'cancelBooking', 'confirmBooking']));
  });

  it('answers BAD_USER_INPUT naming the argument, never an internal error', async () => {
    const wrong: string[] = [];
    for (const op of operationsWithIdArgs()) {
      const { field, idArg } = op;
      const required = field.args.filter((a) => a.type instanceof GraphQLNonNull);
      const args = [...new Set([idArg, ...required.map((a) => a.name)])];
      const query = operationDocument(op, args);
      for (const bad of BAD_IDS) {
        const variables: Record<string, unknown> = {};
        for (const a of field.args.filter((x) => args.includes(x.name))) {
          variables[a.name] = a.name === idArg ? bad : valueFor(a.type);
        }
        const res = await gql(api.url, query, variables, cookie);
        const error = res.errors?.[0];
        const ok =
          error?.extensions?.code === 'BAD_USER_INPUT' &&
          res.status < 500 &&
          (error.extensions.fields ?? []).some((f) => f.field === idArg) &&
          error.message.includes('is not a valid id');
        if (!ok) {
          wrong.push(`${field.name}(${idArg}: ${JSON.stringify(bad)}) -> ${res.status} ${JSON.stringify(res.errors)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('still answers NOT_FOUND for a well-formed id that matches nothing', async () => {
    const res = await gql(api.url, `query($id: ID!) { booking(id: $id) { id } }`, { id: '3f2a9c1e-0b7d-4c1a-9e2f-6a5b4c3d2e1f' }, cookie);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
