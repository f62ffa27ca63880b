/**
 * The checks every downloaded file passes before a record is read: its size and sha256 against what the
 * index (or the manifest) declares, and, when the source pins a public key, the Ed25519 signature of the
 * index. WebCrypto only (SubtleCrypto digest and Ed25519, in Chromium 137+, Firefox 129+, Safari 17+ and
 * Node 20), so the extension and the Node tests run the same code.
 */
import { fatal, type SyncFileRef } from './sync-error';

/** An Ed25519 public key is 32 bytes; a signature 64. */
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Standard base64 (with padding, whitespace around it ignored) → bytes; null when it is not base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.trim();
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Why a pinned key is not usable, or null when it is 32 bytes of base64. For the "Add source" form. */
export function publicKeyProblem(base64: string): string | null {
  const bytes = decodeBase64(base64);
  if (!bytes) return 'not base64';
  if (bytes.length !== PUBLIC_KEY_BYTES) return `${bytes.length} bytes, an Ed25519 public key has 32`;
  return null;
}

export interface DeclaredFile {
  bytes: number;
  sha256: string;
}

/**
 * Throws a SyncError naming the file when `body` is not exactly the declared size or its sha256 differs.
 * A short body is reported as truncated, which is what a dropped connection or a half-written file gives.
 */
export async function verifyFileBytes(
  body: Uint8Array<ArrayBuffer>,
  declared: DeclaredFile,
  ref: SyncFileRef,
): Promise<void> {
  if (body.length < declared.bytes)
    throw fatal(ref, `truncated: ${body.length} of the ${declared.bytes} bytes declared`);
  if (body.length > declared.bytes)
    throw fatal(ref, `${body.length} bytes, more than the ${declared.bytes} declared`);
  const actual = await sha256Hex(body);
  if (actual !== declared.sha256)
    throw fatal(ref, `sha256 ${actual} differs from the declared ${declared.sha256}`);
}

async function importPublicKey(base64: string, ref: SyncFileRef): Promise<CryptoKey> {
  const problem = publicKeyProblem(base64);
  const raw = decodeBase64(base64);
  if (problem || !raw) throw fatal(ref, `the pinned public key is unusable: ${problem}`);
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    // A browser without WebCrypto Ed25519 lands here; the message says so rather than "bad signature".
    throw fatal(ref, `this browser cannot verify Ed25519 signatures (${String(error)})`);
  }
}

/**
 * Checks a detached Ed25519 signature (base64 text, as in `index.json.sig`) over `message` with the pinned
 * public key (base64 of the 32 raw bytes). Throws a SyncError naming `ref.file` (the signature file) when
 * the signature is malformed or does not verify.
 */
export async function verifySignature(
  message: Uint8Array<ArrayBuffer>,
  signatureText: string,
  publicKeyBase64: string,
  ref: SyncFileRef,
): Promise<void> {
  const key = await importPublicKey(publicKeyBase64, ref);
  const signature = decodeBase64(signatureText);
  if (!signature || signature.length !== SIGNATURE_BYTES)
    throw fatal(ref, 'not an Ed25519 signature (64 bytes of base64)');
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
  if (!ok) throw fatal(ref, 'the signature does not match the pinned public key');
}
