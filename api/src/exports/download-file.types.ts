import { Field, ObjectType } from '@nestjs/graphql';

/** A file the web app serves as a download (exports, records, evidence): the API writes it, the web passes it on. */
@ObjectType('DownloadFile', { description: 'A file to download: its name, content type and bytes.' })
export class DownloadFileType {
  @Field(() => String) fileName!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String, { description: 'The bytes, base64.' }) base64!: string;
}
