import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SessionCopyOutcome', { description: 'What happened to one date of a copy.' })
export class SessionCopyOutcomeType {
  @Field(() => String, { description: 'The date asked for, YYYY-MM-DD.' }) date!: string;
  @Field(() => ID, { nullable: true, description: 'The new session; null when the date was refused.' }) sessionId!: string | null;
  @Field(() => [String], { description: 'Why the date was refused, in the words of the form.' }) problems!: string[];
}

@ObjectType('SessionCopyResult', { description: 'Each date in the order asked: the good ones are created, the refused ones are not.' })
export class SessionCopyResultType {
  @Field(() => [SessionCopyOutcomeType]) outcomes!: SessionCopyOutcomeType[];
  @Field(() => Int) created!: number;
}
