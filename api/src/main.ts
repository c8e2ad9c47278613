import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config';
import { createApp } from './bootstrap';
import { unsafeProductionSettings } from './config/config-warnings';

async function main(): Promise<void> {
  const config = loadConfig();
  for (const warning of unsafeProductionSettings(config)) {
    new Logger('Configuration').warn(warning);
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('Learning Hub').log(`API listening on http://${config.host}:${config.port}/graphql`);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
