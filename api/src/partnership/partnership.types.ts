import { Field, ObjectType } from '@nestjs/graphql';
import type { AppConfig } from '../config/config';

/** Who runs the service and how to reach the training team: from the settings, the same for everyone. */
@ObjectType('Partnership')
export class PartnershipType {
  @Field(() => String, { description: "The partnership's name (PARTNERSHIP_NAME)." }) name!: string;
  @Field(() => String, { description: "The training team's email address for questions (PARTNERSHIP_CONTACT_EMAIL)." })
  contactEmail!: string;
  @Field(() => String, { description: "The training team's telephone number, as people should dial it (PARTNERSHIP_CONTACT_PHONE)." })
  contactPhone!: string;

  static from(c: Pick<AppConfig, 'partnershipName' | 'partnershipContactEmail' | 'partnershipContactPhone'>): PartnershipType {
    return Object.assign(new PartnershipType(), {
      name: c.partnershipName,
      contactEmail: c.partnershipContactEmail,
      contactPhone: c.partnershipContactPhone,
    });
  }
}
