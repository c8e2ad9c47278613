import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PersonalDataFormat {
  JSON = 'JSON',
  HTML = 'HTML',
}
registerEnumType(PersonalDataFormat, { name: 'PersonalDataFormat', description: 'JSON for machines, HTML to read and print.' });

@ObjectType('PersonalDataSection', { description: 'One kind of personal data held about a person, and how many records of it.' })
export class PersonalDataSectionType {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String) about!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('PersonalDataSummary', { description: 'What Learning Hub holds about a person, section by section (the download has it all).' })
export class PersonalDataSummaryType {
  @Field(() => String) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => [PersonalDataSectionType]) sections!: PersonalDataSectionType[];
}
