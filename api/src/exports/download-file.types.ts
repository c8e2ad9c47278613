import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

/** The two files a table can be downloaded as (see `tableFile` in table-export.ts). */
export enum TableFileFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(TableFileFormat, { name: 'TableFileFormat', description: 'A table as CSV, or as an XLSX workbook with an About sheet.' });

/** A file the web app serves as a download (exports, records, evidence): the API writes it, the web passes it on. */
@ObjectType('DownloadFile', { description: 'A file to download: its name, content type and bytes.' })
export class DownloadFileType {
  @Field(() => String) fileName!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String, { description: 'The bytes, base64.' }) base64!: string;
}
