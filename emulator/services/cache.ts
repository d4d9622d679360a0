/**
 * CacheService: script, document and user caches whose entries expire on the emulator clock.
 * Limits as documented: keys up to 250 characters, values up to 100 KB, lifetime 1 s to 6 h.
 */
import { type EmulatorContext, gasError } from '../core';

type Cache = GoogleAppsScript.Cache.Cache;

const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const DEFAULT_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 21_600;

class EmulatedCache implements Cache {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly ctx: EmulatorContext) {}

  get(key: string): string | null {
    this.ctx.calls.record('Cache.get');
    return this.read(String(key));
  }

  getAll(keys: string[]): { [key: string]: string } {
    this.ctx.calls.record('Cache.getAll');
    const found: { [key: string]: string } = {};
    for (const key of keys) {
      const value = this.read(String(key));
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds = DEFAULT_EXPIRATION_SECONDS): void {
    this.ctx.calls.record('Cache.put');
    this.write([[String(key), String(value)]], expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds = DEFAULT_EXPIRATION_SECONDS): void {
    this.ctx.calls.record('Cache.putAll');
    this.write(
      Object.entries(values).map(([key, value]) => [key, String(value)]),
      expirationInSeconds,
    );
  }

  remove(key: string): void {
    this.ctx.calls.record('Cache.remove');
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.ctx.calls.record('Cache.removeAll');
    for (const key of keys) this.entries.delete(String(key));
  }

  private read(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.ctx.clock.now().getTime()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  private write(pairs: [string, string][], expirationInSeconds: number): void {
    for (const [key, value] of pairs) {
      if (key.length > MAX_KEY_LENGTH) throw gasError('Argument too large: key');
      if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) throw gasError('Argument too large: value');
    }
    // Longer lifetimes are not honoured: an entry never outlives the documented maximum.
    const seconds = Math.min(expirationInSeconds, MAX_EXPIRATION_SECONDS);
    const expiresAt = this.ctx.clock.now().getTime() + seconds * 1000;
    for (const [key, value] of pairs) this.entries.set(key, { value, expiresAt });
  }
}

export type EmulatedCacheService = GoogleAppsScript.Cache.CacheService;

/** `currentUser` picks the user cache; by default every call shares one user. */
export function createCacheService(
  ctx: EmulatorContext,
  currentUser: () => string = () => '',
): { CacheService: EmulatedCacheService } {
  const script = new EmulatedCache(ctx);
  const document = new EmulatedCache(ctx);
  const users = new Map<string, EmulatedCache>();
  const CacheService: EmulatedCacheService = {
    getScriptCache() {
      ctx.calls.record('CacheService.getScriptCache');
      return script;
    },
    getDocumentCache() {
      ctx.calls.record('CacheService.getDocumentCache');
      return document;
    },
    getUserCache() {
      ctx.calls.record('CacheService.getUserCache');
      const user = currentUser();
      if (!users.has(user)) users.set(user, new EmulatedCache(ctx));
      return users.get(user)!;
    },
  };
  return { CacheService };
}
