import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RetentionAccount', { description: 'An account the next retention run would erase.' })
export class RetentionAccountType {
  @Field(() => String) personId!: string;
  @Field(() => String) name!: string;
  @Field(() => Date, { description: 'The last sign-in, booking, change or entry seen.' }) lastActiveAt!: Date;
}

@ObjectType('RetentionPlan', { description: 'The dry run: what the next nightly retention run would do with the settings in force.' })
export class RetentionPlanType {
  @Field(() => Int, { description: 'RETENTION_MAIL_TEXT_MONTHS (0: kept for ever).' }) mailTextMonths!: number;
  @Field(() => Date, { nullable: true, description: 'Mail written before this loses its text.' }) mailTextCutoff!: Date | null;
  @Field(() => Int, { description: 'Mails whose text would be removed.' }) mailTexts!: number;
  @Field(() => Int, { description: 'RETENTION_INACTIVE_ACCOUNT_MONTHS (0: never).' }) inactiveAccountMonths!: number;
  @Field(() => Date, { nullable: true, description: 'Accounts with no activity since this would be erased.' }) accountCutoff!: Date | null;
  @Field(() => Int, { description: 'Accounts that would be erased.' }) accounts!: number;
  @Field(() => [RetentionAccountType], { description: 'The first 50 of them, least recently active first.' })
  firstAccounts!: RetentionAccountType[];
}
