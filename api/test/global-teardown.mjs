export default async function globalTeardown() {
  await globalThis.__lhPostgres?.stop();
}
