/**
 * Writes api/schema.graphql from the code-first resolvers, sorted, without a database.
 * The web and e2e clients are generated from that file. An integration test checks that the
 * running app serves exactly this schema.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolvers } from './resolvers';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

async function main(): Promise<void> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const factory = app.get(GraphQLSchemaFactory);
  const schema = await factory.create([...resolvers]);
  writeFileSync(SCHEMA_FILE, printSchema(lexicographicSortSchema(schema)) + '\n');
  await app.close();
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}

void main();
