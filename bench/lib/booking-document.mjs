// The web app's own booking mutation (libs/graphql-client/src/operations/booking.graphql), with the
// fragments it uses, printed as the client sends it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit } from 'graphql';
import { root } from '../../scripts/lib/processes.mjs';

export function operationDocument(file, operationName) {
  const doc = parse(readFileSync(path.join(root, 'libs/graphql-client/src/operations', file), 'utf8'));
  const fragments = new Map(doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operationName);
  if (!operation) {
    throw new Error(`${operationName} is not in ${file}`);
  }
  const used = new Set();
  const collect = (node) =>
    visit(node, {
      FragmentSpread(spread) {
        if (!used.has(spread.name.value)) {
          used.add(spread.name.value);
          collect(fragments.get(spread.name.value));
        }
      },
    });
  collect(operation);
  return [operation, ...[...used].map((n) => fragments.get(n))].map(print).join('\n\n');
}

export const BOOK_SESSION = operationDocument('booking.graphql', 'BookSession');
