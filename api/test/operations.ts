import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Every query and mutation in the schema, and how to call one from its types: the specs that walk the
 * whole schema (hostile input, ids, the access matrix) share this, so a new operation is met by all of them.
 */

export type OperationKind = 'query' | 'mutation';
export interface Operation {
  kind: OperationKind;
  field: GraphQLField<unknown, unknown>;
}

/** Every query, then every mutation, in schema order. */
export function rootOperations(schema: GraphQLSchema): Operation[] {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
  ];
}

/** The document calling `field` with `args` (declared as variables of the same names) and `selection`. */
export function operationDocument(op: Operation, args: string[], selection?: string): string {
  const { kind, field } = op;
  const declared = field.args.filter((a) => args.includes(a.name));
  const decl = declared.length ? `(${declared.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  const call = declared.length ? `(${declared.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const chosen = selection ?? (getNamedType(field.type) instanceof GraphQLObjectType ? '{ __typename }' : '');
  return `${kind}${decl} { ${field.name}${call} ${chosen} }`;
}

/**
 * Every scalar field of an output type, and of the object types under it to `depth` levels (fields that
 * need arguments are left out): what a curious caller could read.
 */
export function fullSelection(type: GraphQLOutputType, depth = 3): string {
  const named = getNamedType(type);
  if (!(named instanceof GraphQLObjectType)) {
    return '';
  }
  const parts: string[] = [];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type))) {
      continue;
    }
    const inner = getNamedType(f.type);
    if (inner instanceof GraphQLObjectType) {
      if (depth > 1) {
        const sub = fullSelection(f.type, depth - 1);
        if (sub) {
          parts.push(`${f.name} ${sub}`);
        }
      }
    } else {
      parts.push(f.name);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const NOWHERE = '3f2a9c1e-0b7d-4c1a-9e2f-6a5b4c3d2e1f';

export interface HarmlessContext {
  /** Ids by argument or input field name (`personId`, `sessionId`, ...). */
  ids: Record<string, string>;
  /** Whom an `email` names. */
  email: string;
  /** The id for an argument or input field called `id`, by the operation or input type it belongs to. */
  idFor?: (parent: string) => string | undefined;
}

/** A harmless value for a required input, by its GraphQL type and name (`parent`: its operation or input type). */
export function harmless(ctx: HarmlessContext, type: GraphQLInputType, name: string, parent: string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const element = getNamedType(inner);
    if (element instanceof GraphQLInputObjectType) {
      return [harmless(ctx, inner.ofType as GraphQLInputType, name, parent)];
    }
    return element.name === 'String' ? [name === 'rooms' ? 'Room 1' : 'Something to learn'] : [];
  }
  const named = getNamedType(type);
  if (named instanceof GraphQLInputObjectType) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type)) {
        value[field.name] = harmless(ctx, field.type, field.name, named.name);
      }
    }
    return value;
  }
  if (named instanceof GraphQLEnumType) {
    return named.getValues()[0]!.value as unknown;
  }
  switch (named.name) {
    case 'Boolean':
      return false;
    case 'Float':
      return 1;
    case 'Int':
      return name === 'durationMinutes' ? 60 : name === 'level' ? 1 : name === 'capacity' ? 10 : 1;
    case 'ID':
      if (name === 'id') {
        return ctx.idFor?.(parent) ?? NOWHERE;
      }
      return ctx.ids[name] ?? NOWHERE;
    case 'DateTime':
      return new Date().toISOString();
    default:
      break;
  }
  if (name.toLowerCase().endsWith('email')) {
    return ctx.email;
  }
  return (
    (
      {
        date: future(60),
        startTime: '09:30',
        endTime: '12:30',
        token: 'not-a-token',
        password: 'wrong password',
        reason: 'Because it has to',
      } as Record<string, string>
    )[name] ?? 'Something'
  );
}

/** Harmless values for every required argument of an operation. */
export function harmlessVariables(ctx: HarmlessContext, field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (isNonNullType(arg.type)) {
      vars[arg.name] = harmless(ctx, arg.type, arg.name, field.name);
    }
  }
  return vars;
}
