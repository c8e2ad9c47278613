import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { Public } from '../common/access.decorators';

@Controller('health')
export class HealthController {
  constructor(private readonly em: EntityManager) {}

  /** 200 with { status: "ok" } when the database answers; 503 otherwise. */
  @Public()
  @Get()
  async check(@Res() res: Response): Promise<void> {
    try {
      await this.em.getConnection().execute('select 1');
      res.status(HttpStatus.OK).json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: 'error', database: 'unreachable' });
    }
  }
}
