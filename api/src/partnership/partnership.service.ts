import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PartnershipType } from './partnership.types';

/** The partnership's public details. They come from the settings, so anyone may read them. */
@Injectable()
export class PartnershipService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  details(): PartnershipType {
    return PartnershipType.from(this.config);
  }
}
