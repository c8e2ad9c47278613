import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import * as client from '../../../libs/graphql-client/src/generated';
import { GRAPHQL_LIMITS, graphqlProtection } from './graphql-limits';

const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));
const { validationRules } = graphqlProtection('production');
const documents = Object.entries(client).filter(([name]) => name.endsWith('Document')) as [string, DocumentNode][];

describe('GraphQL limits', () => {
  it('let every operation the web app sends through', () => {
    expect(documents.length).toBeGreaterThan(100);
    const refused = documents.flatMap(([name, doc]) => validate(schema, doc, validationRules).map((e) => `${name}: ${e.message}`));
    expect(refused).toEqual([]);
    const tooLong = documents.filter(([, doc]) => {
      try {
        parse(print(doc), { maxTokens: GRAPHQL_LIMITS.tokens / 2 });
        return false;
      } catch {
        return true;
      }
    });
    expect(tooLong.map(([name]) => name)).toEqual([]);
  });

  it('refuse many aliases, deep nesting and a costly query', () => {
    const aliases = `query { ${Array.from({ length: 16 }, (_, i) => `a${i}: courses { id }`).join(' ')} }`;
    expect(validate(schema, parse(aliases), validationRules).map((e) => e.message)).toEqual([
      expect.stringContaining('Aliases limit of 15 exceeded'),
    ]);
    // (only the limits' rules run here, so the fields need not exist)
    const deep = (levels: number) => `query { ${'a { '.repeat(levels)}id${' }'.repeat(levels)} }`;
    expect(validate(schema, parse(deep(GRAPHQL_LIMITS.depth - 1)), validationRules)).toEqual([]);
    const messages = validate(schema, parse(deep(GRAPHQL_LIMITS.depth + 1)), validationRules).map((e) => e.message);
    expect(messages.some((m) => m.includes(`Query depth limit of ${GRAPHQL_LIMITS.depth} exceeded`))).toBe(true);
    const wide = `query { ${`${'a { '.repeat(12)}id${' }'.repeat(12)} `.repeat(40)}}`;
    const costly = validate(schema, parse(wide, { maxTokens: GRAPHQL_LIMITS.tokens }), validationRules);
    expect(costly.map((e) => e.message)).toEqual([expect.stringContaining(`Query Cost limit of ${GRAPHQL_LIMITS.cost} exceeded`)]);
  });
});
