import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CertificateStatus } from '@lh/domain';

registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description:
    'VALID; EXPIRED: past the date the course sets (London); REVOKED: withdrawn by a correction; SUPERSEDED: replaced by a newer one.',
});

@ObjectType('CertificateSummary', { description: "One of a person's certificates, as lists show it." })
export class CertificateSummaryType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The code as printed, in groups of four ("7KQ2-M9XD-...").' }) code!: string;
  @Field(() => CertificateStatus) status!: CertificateStatus;
  @Field(() => String) courseTitle!: string;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => String, { description: 'London date completed, YYYY-MM-DD.' }) completedOn!: string;
  @Field(() => String, { nullable: true, description: 'The first London date it is no longer valid (null: it does not expire).' })
  expiresOn!: string | null;
  @Field() issuedAt!: Date;
  @Field(() => String, { description: 'The web path of its PDF (for the holder, coordinators and their agency lead).' }) pdfPath!: string;
  @Field(() => String, { description: 'The web path of its public verification page.' }) verifyPath!: string;
}

@ObjectType('VerifiedCertificate', {
  description: 'What a certificate prints, and its status, as the public verification page shows it (never why it was revoked).',
})
export class VerifiedCertificateType {
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'The name as printed.' }) holderName!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => String) startedOn!: string;
  @Field(() => String) completedOn!: string;
  @Field(() => Int) minutes!: number;
  @Field(() => String) partnershipName!: string;
  @Field(() => String, { description: 'London date issued, YYYY-MM-DD.' }) issuedOn!: string;
  @Field(() => CertificateStatus) status!: CertificateStatus;
  @Field(() => String, { nullable: true }) expiresOn!: string | null;
  @Field(() => String, { nullable: true, description: 'REVOKED: the London date it was withdrawn.' }) revokedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'SUPERSEDED: the London date the newer certificate was issued.' })
  supersededOn!: string | null;
}

@ObjectType('CertificateVerification', { description: 'The answer to a typed or scanned code.' })
export class CertificateVerificationType {
  @Field(() => String, { nullable: true, description: 'The code as read (normalised, in groups); null when it is not a code.' })
  code!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why there is no certificate to show: the code is not one, or no certificate has it.',
  })
  problem!: string | null;
  @Field(() => VerifiedCertificateType, { nullable: true }) certificate!: VerifiedCertificateType | null;
}

@ObjectType('CertificateFile', { description: 'A certificate as a PDF.' })
export class CertificateFileType {
  @Field(() => String) fileName!: string;
  @Field(() => String, { description: 'The PDF, base64-encoded.' }) base64!: string;
}
