import type { AppConfig } from './config';

/**
 * Settings that are allowed but unsafe in production, each in a sentence for the log at start-up (the
 * settings that would be wrong everywhere stop start-up instead, in loadConfig).
 */
export function unsafeProductionSettings(config: AppConfig): string[] {
  if (config.env !== 'production') {
    return [];
  }
  const warnings: string[] = [];
  if (new URL(config.webOrigin).protocol !== 'https:') {
    warnings.push('WEB_ORIGIN is not https: sign-in cookies and links in mail would travel unencrypted.');
  }
  if (config.logSql) {
    warnings.push("LOG_SQL is on: SQL statements and their values (people's data) would be written to the log.");
  }
  if (config.mailCatcherDir) {
    warnings.push('MAIL_CATCHER_DIR is set: it is read only outside production, so it does nothing here.');
  }
  if (config.trustProxy !== false && /^(true|0\.0\.0\.0\/0|::\/0|\*)$/.test(config.trustProxy)) {
    warnings.push('TRUST_PROXY trusts every address: anyone could choose the address rate limits count them under.');
  }
  return warnings;
}
