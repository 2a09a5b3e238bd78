import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOf, type Synth, synth } from './synth';

/**
 * Renaming a construct changes its logical id, and CloudFormation then replaces the resource: a new,
 * empty database, bucket or user pool. These ids are pinned; change one only with a migration plan.
 */
const pinned: Record<string, { type: string; deletionPolicy?: string }> = {
  DatabaseInstanceAA8A5FDE: { type: 'AWS::RDS::DBInstance', deletionPolicy: 'Snapshot' },
  DatabaseInstanceProxyA71C974C: { type: 'AWS::RDS::DBProxy' },
  AuthUserPool8115E87F: { type: 'AWS::Cognito::UserPool', deletionPolicy: 'Retain' },
  AuthUserPoolAppClient1D18298A: { type: 'AWS::Cognito::UserPoolClient' },
  StorageDocumentsCD3FCE94: { type: 'AWS::S3::Bucket', deletionPolicy: 'Retain' },
  StorageAccessLogs96FB524C: { type: 'AWS::S3::Bucket', deletionPolicy: 'Retain' },
};

describe('stateful resources (data stack)', () => {
  let s: Synth;
  beforeAll(() => {
    s = synth('lambda');
  });

  it.each(Object.entries(pinned))(
    'when synthesized, then %s keeps its logical id, type and removal policy',
    (id, want) => {
      const resource = s.data.toJSON().Resources[id];
      expect(resource).toBeDefined();
      expect(resource.Type).toBe(want.type);
      if (want.deletionPolicy) {
        expect(resource.DeletionPolicy).toBe(want.deletionPolicy);
        expect(resource.UpdateReplacePolicy).toBe(want.deletionPolicy);
      }
    },
  );

  it('when synthesized, then the data stack holds the only database, user pool and documents bucket', () => {
    s.appStack.resourceCountIs('AWS::RDS::DBInstance', 0);
    s.appStack.resourceCountIs('AWS::Cognito::UserPool', 0);
    s.data.resourceCountIs('AWS::RDS::DBInstance', 1);
    s.data.resourceCountIs('AWS::S3::Bucket', 2);
  });

  it('when synthesized, then the site bucket keeps its logical id and is retained', () => {
    const site = s.appStack.toJSON().Resources.FrontendSiteA0BD6F7A;
    expect(site).toMatchObject({ Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain' });
  });

  it('when synthesized, then PostgreSQL 16 is encrypted, backed up, IAM-enabled and deletion-protected', () => {
    s.data.hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      EngineVersion: '16',
      StorageEncrypted: true,
      EnableIAMDatabaseAuthentication: true,
      DeletionProtection: true,
      MultiAZ: false,
      BackupRetentionPeriod: 1,
    });
  });

  it('when synthesized, then the RDS Proxy requires TLS and IAM auth', () => {
    s.data.hasResourceProperties('AWS::RDS::DBProxy', {
      EngineFamily: 'POSTGRESQL',
      RequireTLS: true,
      Auth: [Match.objectLike({ AuthScheme: 'SECRETS', IAMAuth: 'REQUIRED' })],
    });
  });

  it('when synthesized, then the documents bucket is private, encrypted, versioned, TLS-only and logged', () => {
    const [documents] = Object.entries(resourcesOf(s.data, 'AWS::S3::Bucket')).filter(([id]) =>
      id.startsWith('StorageDocuments'),
    );
    expect(documents![1].Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: expect.objectContaining({ LogFilePrefix: 'documents/' }),
      LifecycleConfiguration: {
        Rules: expect.arrayContaining([
          expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        ]),
      },
    });
    const policies = JSON.stringify(resourcesOf(s.data, 'AWS::S3::BucketPolicy'));
    expect(policies).toContain('aws:SecureTransport');
  });

  it('when synthesized, then the user pool signs in by e-mail with a strong password policy, recovery and Plus', () => {
    s.data.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      UserPoolTier: 'PLUS',
    });
    s.data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });
});
