import { Controller, Get, Header, Param } from '@nestjs/common';
import { Public } from '../common/access.decorators';
import { CalendarService } from './calendar.service';

/**
 * A person's private calendar feed, for calendar apps to subscribe to. No sign-in: the secret token
 * in the address is the permission (an unknown or reset one answers 404). The web app serves it at
 * the public address, WEB_ORIGIN/calendar/<token>.ics.
 */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Public()
  @Get(':token.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-cache')
  @Header('X-Robots-Tag', 'noindex')
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.feedForToken(token);
  }
}
