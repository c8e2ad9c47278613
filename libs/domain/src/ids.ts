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

/** The header that carries a request's id from the browser through the web app to the API and its logs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id a caller may choose: letters, digits and - _ . : up to 100 characters. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The request id to use: the one sent when it is a plain token, else a new UUID (so logs never carry what a caller typed). */
export function requestIdFrom(sent: string | null | undefined): string {
  return typeof sent === 'string' && ACCEPTABLE_REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
}
