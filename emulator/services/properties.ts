/**
 * PropertiesService: script, document and user stores of string values, with the quota limits
 * (9 KB per value, 500 KB per store) that make a real script throw.
 *
 * Outside a document (an add-on's time-driven trigger) there are no document properties:
 * getDocumentProperties() returns null, as its reference says ("Properties|null",
 * https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()).
 * In AuthMode.NONE no store is available (https://developers.google.com/apps-script/reference/script/auth-mode:
 * the sample's properties "doesn't work in AuthMode.NONE"); the refusal's wording is a guess
 * following the pattern of the other services.
 */
import { type EmulatorContext, gasError, permissionError } from '../core';

const STORAGE_SCOPE = 'https://www.googleapis.com/auth/script.storage';

type Properties = GoogleAppsScript.Properties.Properties;

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

class EmulatedProperties implements Properties {
  private readonly values = new Map<string, string>();

  constructor(private readonly ctx: EmulatorContext) {}

  getProperty(key: string): string | null {
    this.ctx.calls.record('Properties.getProperty');
    return this.values.get(String(key)) ?? null;
  }

  getProperties(): { [key: string]: string } {
    this.ctx.calls.record('Properties.getProperties');
    return Object.fromEntries(this.values);
  }

  getKeys(): string[] {
    this.ctx.calls.record('Properties.getKeys');
    return [...this.values.keys()];
  }

  setProperty(key: string, value: string): Properties {
    this.ctx.calls.record('Properties.setProperty');
    this.write(new Map(this.values).set(String(key), String(value)));
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    this.ctx.calls.record('Properties.setProperties');
    const next = new Map(deleteAllOthers ? [] : this.values);
    for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
    this.write(next);
    return this;
  }

  deleteProperty(key: string): Properties {
    this.ctx.calls.record('Properties.deleteProperty');
    this.values.delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.ctx.calls.record('Properties.deleteAllProperties');
    this.values.clear();
    return this;
  }

  /** All or nothing, as a failed call leaves the store unchanged. */
  private write(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      if (bytes(value) > MAX_VALUE_BYTES) throw gasError('Argument too large: value');
      total += bytes(key) + bytes(value);
    }
    if (total > MAX_STORE_BYTES) {
      throw gasError('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
  }
}

export type EmulatedPropertiesService = GoogleAppsScript.Properties.PropertiesService;

/** `currentUser` picks the user store; by default every call shares one user. */
export function createPropertiesService(
  ctx: EmulatorContext,
  currentUser: () => string = () => '',
): { PropertiesService: EmulatedPropertiesService } {
  const script = new EmulatedProperties(ctx);
  const document = new EmulatedProperties(ctx);
  const users = new Map<string, EmulatedProperties>();
  const refuseInNone = (method: string) => {
    if (ctx.runs.context().authMode === 'NONE') throw permissionError(`PropertiesService.${method}`, STORAGE_SCOPE);
  };
  const PropertiesService: EmulatedPropertiesService = {
    getScriptProperties() {
      ctx.calls.record('PropertiesService.getScriptProperties');
      refuseInNone('getScriptProperties');
      return script;
    },
    getDocumentProperties() {
      ctx.calls.record('PropertiesService.getDocumentProperties');
      refuseInNone('getDocumentProperties');
      // The typings say Properties; the reference says Properties|null.
      return ctx.runs.context().hasDocument ? document : null!;
    },
    getUserProperties() {
      ctx.calls.record('PropertiesService.getUserProperties');
      refuseInNone('getUserProperties');
      const user = currentUser();
      if (!users.has(user)) users.set(user, new EmulatedProperties(ctx));
      return users.get(user)!;
    },
  };
  return { PropertiesService };
}
