export default async function globalTeardown() {
  await Promise.all((globalThis.__lhStacks ?? []).map((s) => s.stop()));
}
