import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('Learning Hub').log(`API listening on http://${config.host}:${config.port}/graphql`);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
