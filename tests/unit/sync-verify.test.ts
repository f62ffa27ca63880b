import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SyncError } from '../../core/sync/sync-error';
import {
  decodeBase64,
  publicKeyProblem,
  sha256Hex,
  verifyFileBytes,
  verifySignature,
} from '../../core/sync/verify';
import { signingKey, utf8 } from './support/sync-source-fixture';

const ref = { source: 'https://packs.example.org/', file: 'full/v2/records.ndjson' };
const body = utf8('{"type":"entity"}\n');
const declared = { bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') };

async function rejection(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('expected a SyncError');
}

describe('sha256Hex', () => {
  it('gives the same digest as node:crypto', async () => {
    expect(await sha256Hex(body)).toBe(declared.sha256);
  });
});

describe('verifyFileBytes', () => {
  it('accepts the declared bytes', async () => {
    await expect(verifyFileBytes(body, declared, ref)).resolves.toBeUndefined();
  });

  it('calls a short body truncated, naming source and file', async () => {
    const error = await rejection(verifyFileBytes(body.slice(0, 5), declared, ref));
    expect(error.message).toBe(
      `https://packs.example.org/: full/v2/records.ndjson: truncated: 5 of the ${body.length} bytes declared`,
    );
    expect(error.retryable).toBe(false);
  });

  it('refuses a longer body', async () => {
    const longer = utf8('{"type":"entity"}\n\n');
    expect((await rejection(verifyFileBytes(longer, declared, ref))).reason).toBe(
      `${longer.length} bytes, more than the ${body.length} declared`,
    );
  });

  it('refuses the right size with the wrong bytes', async () => {
    const changed = utf8('{"type":"ENTITY"}\n');
    const error = await rejection(verifyFileBytes(changed, declared, ref));
    expect(error.reason).toBe(
      `sha256 ${await sha256Hex(changed)} differs from the declared ${declared.sha256}`,
    );
  });
});

describe('verifySignature', () => {
  const sigRef = { source: 'https://packs.example.org/', file: 'index.json.sig' };

  it('accepts a signature by the pinned key', async () => {
    const key = await signingKey();
    await expect(verifySignature(body, await key.sign(body), key.publicKey, sigRef)).resolves.toBeUndefined();
  });

  it('refuses a signature by another key', async () => {
    const [pinned, other] = [await signingKey(), await signingKey()];
    const error = await rejection(verifySignature(body, await other.sign(body), pinned.publicKey, sigRef));
    expect(error.detail).toEqual({
      ...sigRef,
      reason: 'the signature does not match the pinned public key',
      retryable: false,
    });
  });

  it('refuses a signature over other bytes', async () => {
    const key = await signingKey();
    const error = await rejection(
      verifySignature(utf8('other'), await key.sign(body), key.publicKey, sigRef),
    );
    expect(error.reason).toBe('the signature does not match the pinned public key');
  });

  it('refuses text that is not a 64-byte signature', async () => {
    const key = await signingKey();
    expect((await rejection(verifySignature(body, 'c2lnbmF0dXJl', key.publicKey, sigRef))).reason).toBe(
      'not an Ed25519 signature (64 bytes of base64)',
    );
    expect((await rejection(verifySignature(body, '%%%', key.publicKey, sigRef))).reason).toBe(
      'not an Ed25519 signature (64 bytes of base64)',
    );
  });

  it('refuses an unusable pinned key', async () => {
    const key = await signingKey();
    expect((await rejection(verifySignature(body, await key.sign(body), 'AAAA', sigRef))).reason).toBe(
      'the pinned public key is unusable: 3 bytes, an Ed25519 public key has 32',
    );
  });
});

describe('publicKeyProblem and decodeBase64', () => {
  it('accepts 32 bytes of base64 and says what is wrong with anything else', async () => {
    expect(publicKeyProblem((await signingKey()).publicKey)).toBeNull();
    expect(publicKeyProblem('not base64!')).toBe('not base64');
    expect(publicKeyProblem(Buffer.alloc(31).toString('base64'))).toBe(
      '31 bytes, an Ed25519 public key has 32',
    );
  });

  it('round-trips with Buffer and ignores surrounding whitespace', () => {
    expect([...(decodeBase64(' AQID\n') ?? [])]).toEqual([1, 2, 3]);
    expect(decodeBase64('AQI')).toBeNull();
  });
});
