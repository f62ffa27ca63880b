/**
 * `packs keygen --out DIR` and `packs sign DIR --key FILE`: the Ed25519 key pair of a sync source and the
 * detached signature of its index. The private key is written as base64 of its PKCS#8 DER (readable by
 * WebCrypto and OpenSSL), the public key as base64 of its 32 raw bytes: the text a user pins when adding
 * the source. Signing uses WebCrypto, the same implementation the extension verifies with.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const PRIVATE_KEY_FILE = 'sync-key.private';
export const PUBLIC_KEY_FILE = 'sync-key.public';
export const SIGNED_FILE = 'index.json';
export const SIGNATURE_FILE = 'index.json.sig';

const b64 = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');

export interface KeyPairFiles {
  privateKeyPath: string;
  publicKeyPath: string;
  publicKey: string;
}

/** Writes a new key pair into `dir`. Refuses to overwrite a key: losing one locks out every client. */
export async function generateKeyPair(dir: string): Promise<KeyPairFiles> {
  const privateKeyPath = join(dir, PRIVATE_KEY_FILE);
  const publicKeyPath = join(dir, PUBLIC_KEY_FILE);
  for (const path of [privateKeyPath, publicKeyPath])
    if (existsSync(path)) throw new Error(`keygen: ${path} exists; move it away first`);
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const publicKey = b64(await crypto.subtle.exportKey('raw', pair.publicKey));
  mkdirSync(dir, { recursive: true });
  writeFileSync(privateKeyPath, `${b64(await crypto.subtle.exportKey('pkcs8', pair.privateKey))}\n`, {
    mode: 0o600,
  });
  writeFileSync(publicKeyPath, `${publicKey}\n`);
  return { privateKeyPath, publicKeyPath, publicKey };
}

function readPrivateKey(path: string): Buffer {
  const der = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (der.length === 0) throw new Error(`sign: ${path} holds no base64 key`);
  return der;
}

/** The raw public key (base64) of a PKCS#8 Ed25519 private key, so `sign` can say which key it used. */
function publicKeyOf(der: Buffer): string {
  const jwk = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({
    format: 'jwk',
  });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('sign: the key is not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** Signs `dir/index.json` with the private key in `keyPath`, writing `dir/index.json.sig`. */
export async function signIndex(
  dir: string,
  keyPath: string,
): Promise<{ signaturePath: string; publicKey: string }> {
  const indexPath = join(dir, SIGNED_FILE);
  if (!existsSync(indexPath)) throw new Error(`sign: ${indexPath} not found; run "packs index ${dir}" first`);
  const der = readPrivateKey(keyPath);
  const publicKey = publicKeyOf(der);
  const key = await crypto.subtle.importKey('pkcs8', new Uint8Array(der), { name: 'Ed25519' }, false, [
    'sign',
  ]);
  const signature = await crypto.subtle.sign(
    { name: 'Ed25519' },
    key,
    new Uint8Array(readFileSync(indexPath)),
  );
  const signaturePath = join(dir, SIGNATURE_FILE);
  writeFileSync(signaturePath, `${b64(signature)}\n`);
  return { signaturePath, publicKey };
}

export function parseKeygenArgs(argv: readonly string[]): { out: string } {
  const { values } = parseArgs({ args: [...argv], options: { out: { type: 'string' } } });
  if (!values.out) throw new Error('keygen: --out DIR is required');
  return { out: values.out };
}

export function parseSignArgs(argv: readonly string[]): { dir: string; key: string } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { key: { type: 'string' } },
    allowPositionals: true,
  });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0)
    throw new Error('sign: which source folder? (npm run packs -- sign DIR --key FILE)');
  if (!values.key) throw new Error('sign: --key FILE is required');
  return { dir, key: values.key };
}
