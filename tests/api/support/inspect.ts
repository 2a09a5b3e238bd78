import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  assessmentResponses,
  assessments,
  documents,
  outbox,
} from '../../../functions/api/platform/db/tables';
import type { TestApp } from '../../support/app';

/** Rows in a table, read straight from the app's database. */
export async function rowCount(app: TestApp, table: PgTable): Promise<number> {
  const [row] = await app.deps.db.db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

/** Keys stored in the S3 stand-in's documents bucket. */
export async function s3Keys(app: TestApp): Promise<string[]> {
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: app.s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  try {
    const out = await client.send(new ListObjectsV2Command({ Bucket: app.s3.bucket }));
    return (out.Contents ?? []).map((o) => o.Key!).sort();
  } finally {
    client.destroy();
  }
}

/** What a rejected request must leave untouched: row counts and stored objects. */
export async function snapshot(app: TestApp) {
  return {
    assessments: await rowCount(app, assessments),
    responses: await rowCount(app, assessmentResponses),
    documents: await rowCount(app, documents),
    outbox: await rowCount(app, outbox),
    objects: await s3Keys(app),
  };
}
