import { Field, ObjectType } from '@nestjs/graphql';
import { MeType } from '../../people/people.types';

@ObjectType('SingleSignOn', { description: 'Whether people can sign in with their organisation account here.' })
export class SingleSignOnType {
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => String, { nullable: true, description: 'The words on the sign-in button.' }) buttonLabel!: string | null;
}

@ObjectType('SingleSignOnStart')
export class SingleSignOnStartType {
  @Field(() => String, { description: "The provider's sign-in page to send the browser to." }) authorizationUrl!: string;
  @Field(() => String, { description: 'Keep this in the browser (a cookie) and give it back to finishSingleSignOn.' }) state!: string;
}

@ObjectType('SingleSignOnResult')
export class SingleSignOnResultType {
  @Field(() => MeType) me!: MeType;
  @Field(() => String, { description: 'The path on this site the person was going to.' }) next!: string;
}
