/**
 * Encrypts stored credentials with AES-256-GCM (node:crypto). The key is RINGBACK_SECRET_KEY when
 * set (every process sharing one PostgreSQL must use the same one); otherwise a key generated once
 * into `<data dir>/secret.key` (mode 0600); a throwaway in-memory database gets a throwaway key.
 * The key is read when a secret is first used, so processes that never touch credentials never
 * create the file.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 'v1';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function keyFileSource(options: { key: Buffer | undefined; dataDir: string; ephemeral: boolean }) {
  let key = options.key;
  return (): Buffer => {
    if (key) return key;
    if (options.ephemeral) {
      key = randomBytes(32);
      return key;
    }
    const path = join(options.dataDir, 'secret.key');
    if (existsSync(path)) {
      key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    } else {
      mkdirSync(options.dataDir, { recursive: true });
      key = randomBytes(32);
      // 'wx': a second process creating it at the same moment fails here and reads the first one's.
      try {
        writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      } catch {
        key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
      }
    }
    if (key.length !== 32) throw new Error(`${path}: expected a 32-byte key in base64`);
    return key;
  };
}

export function secretBox(key: () => Buffer): SecretBox {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64'),
      ].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown secret format');
      const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** A few characters of a secret, the rest hidden (the guide's "only a few characters"). */
export function masked(value: string, shown = 4): string {
  if (value.length <= shown * 2) return '•'.repeat(Math.max(4, value.length));
  return `${value.slice(0, shown)}${'•'.repeat(8)}${value.slice(-shown)}`;
}
