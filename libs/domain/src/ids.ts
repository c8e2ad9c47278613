/** Every id in the system is a UUID (any version, as PostgreSQL's gen_random_uuid makes them). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const INVALID_ID = 'is not a valid id';

/** What the API says of an id argument that is not a UUID (a field problem naming the argument). */
export function invalidIdMessage(field: string): string {
  return `${field} ${INVALID_ID}: check the link or address you followed (ids look like 3f2a9c1e-0b7d-4c1a-9e2f-6a5b4c3d2e1f)`;
}

/** Whether a field problem is the API's answer to a malformed id (pages then answer 404: the address names nothing). */
export function isInvalidIdProblem(problem: { field: string; message: string }): boolean {
  return problem.message.startsWith(`${problem.field} ${INVALID_ID}`);
}
