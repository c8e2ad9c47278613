import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import type { AppConfig } from './config/config';
import { AppModule } from './app.module';

/** Builds the HTTP app (used by main.ts and by tests). */
export async function createApp(config: AppConfig, opts: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: opts.logger === false ? false : ['error', 'warn', 'log'],
    cors: { origin: config.webOrigin, credentials: true },
  });
  app.use(cookieParser());
  app.enableShutdownHooks();
  return app;
}
